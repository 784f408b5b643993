using System.CommandLine;
using CommsLinter.Content;
using CommsLinter.Engine;
using CommsLinter.Model;

namespace CommsLinter.Cli;

/// <summary>
/// <c>commslint extract FILE</c>: shows what CommsLinter reads in a template: each segment with its
/// scope and source span, the placeholders, links and images. For writing rules and for bug reports.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var file = new Argument<string>("file") { Description = "The template to show." };
        var command = new Command("extract",
            "Show the prose CommsLinter extracts from one template: every segment with its scope and exact span, " +
            "then its Liquid placeholders (each shown in a segment as \u25A1), links and images.\n\n" +
            "Example:\n  commslint extract content/purchase/order-confirmation/email.pl.html")
        {
            file,
        };
        command.SetAction(parse => Execute(parse.GetValue(file)!, output, error, workingDirectory));
        return command;
    }

    private static int Execute(string path, TextWriter output, TextWriter error, string workingDirectory)
    {
        var files = ContentDiscovery.Discover([path], workingDirectory, out var missing);
        if (missing.Count > 0 || files.Count != 1)
        {
            var extensions = RuleRegistry.Readers.SelectMany(r => r.Extensions).ToArray();
            error.WriteLine($"commslint: error: '{path}' is not a template file ({string.Join(", ", extensions[..^1])} or {extensions[^1]}).");
            return CommsLintApp.ExitUsage;
        }

        // Discovery lists a link in place of what it leads to: printing that text would show what the repository does not hold.
        if (ContentDiscovery.LinkTarget(files[0].FullPath) is { } target)
        {
            error.WriteLine($"commslint: error: {ContentDiscovery.ThroughLink(ContentDiscovery.DisplayPath(Path.GetFullPath(path, workingDirectory), workingDirectory), files[0].DisplayPath, target)}; commslint reads nothing through a link. Extract the file itself.");
            return CommsLintApp.ExitUsage;
        }

        var loaded = new DocumentLoader().Load(files[0]);
        foreach (var finding in loaded.Findings)
        {
            output.WriteLine($"{finding.Path}({finding.Location.Start}): {finding.RuleId}: {finding.Message}");
        }

        if (loaded.Document is not { } document)
        {
            return CommsLintApp.ExitFindings;
        }

        var source = document.Source;
        output.WriteLine($"# {document.Path}: {document.Format}, {document.Kind}, touchpoint={document.Touchpoint ?? "-"}, channel={document.Channel ?? "-"}, locale={document.Locale ?? "-"}");
        output.WriteLine("## segments");
        foreach (var segment in document.Segments)
        {
            var location = source.GetLocation(segment.SourceRange);
            output.WriteLine($"{location.Start}-{location.End} {segment.Scope.ToString().ToLowerInvariant()}: {segment.Text.Replace(Placeholders.MaskChar, '\u25A1')}");
        }

        output.WriteLine("## placeholders");
        foreach (var placeholder in document.Placeholders)
        {
            output.WriteLine($"{source.GetLocation(placeholder.Range).Start} {placeholder.Kind.ToString().ToLowerInvariant()}: {placeholder.Code.ToString().ReplaceLineEndings(" ")}");
        }

        output.WriteLine("## links");
        foreach (var link in document.Links)
        {
            output.WriteLine($"{source.GetLocation(link.UrlRange).Start} {link.Url} \"{link.Text}\"");
        }

        output.WriteLine("## images");
        foreach (var image in document.Images)
        {
            output.WriteLine($"{source.GetLocation(image.SourceRange).Start} {image.Source} alt={(image.Alt is null ? "(none)" : $"\"{image.Alt}\"")}");
        }

        return loaded.Findings.Count > 0 ? CommsLintApp.ExitFindings : CommsLintApp.ExitClean;
    }
}
