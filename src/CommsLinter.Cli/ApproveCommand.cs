using System.CommandLine;
using System.Globalization;
using CommsLinter.Content;
using CommsLinter.Content.Approvals;
using CommsLinter.Diagnostics;
using CommsLinter.Engine;

namespace CommsLinter.Cli;

/// <summary><c>commslint approve</c>: record in the ledger that a reviewer approved the exact current text of templates.</summary>
internal static class ApproveCommand
{
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory, AppHost host)
    {
        var paths = new Argument<string[]>("paths") { Description = "The templates or snippets whose current text is approved.", Arity = ArgumentArity.ZeroOrMore };
        var by = new Option<string?>("--by") { Description = "Who approved the text, as the ledger should name them.", HelpName = "name" };
        var note = new Option<string?>("--note") { Description = "What was checked, for the next reviewer.", HelpName = "text" };
        var prune = new Option<bool>("--prune") { Description = "Remove the approvals of files that no longer exist (review.stale-approval)." };
        var catalog = new Option<string?>("--catalog") { Description = "The journey catalog, to find the repository root. Default: found from the paths upwards.", HelpName = "file" };
        var approvals = new Option<string?>("--approvals") { Description = "The ledger. Default: approvals.yml in the folder that holds the catalog's folder.", HelpName = "file" };
        var command = new Command("approve",
            "Record that a reviewer approved the exact current text of templates: the ledger (approvals.yml) keeps each file's path, the " +
            "SHA-256 of its normalised text, who approved it, when, a note and the text itself. `commslint check --ci` then fails when " +
            "text that legal (or another team) must review changes without a new approval. Commit the ledger with the templates.\n\n" +
            "Examples:\n" +
            "  commslint approve content/after-purchase/invoice/invoice.pl.html --by \"A. Kowalska\" --note \"VAT fields ok\"\n" +
            "  commslint approve --prune\n\n" +
            "Exit codes: 0 written, 2 usage error (no --by, a file that does not exist or is outside the repository, a ledger with errors).")
        {
            paths, by, note, prune, catalog, approvals,
        };
        command.SetAction(parse => Execute(parse.GetValue(paths) ?? [], parse.GetValue(by), parse.GetValue(note), parse.GetValue(prune),
            parse.GetValue(catalog), parse.GetValue(approvals), output, error, workingDirectory, host));
        return command;
    }

    private static int Execute(string[] paths, string? by, string? note, bool prune, string? catalog, string? approvals, TextWriter output, TextWriter error, string workingDirectory, AppHost host)
    {
        if (paths.Length == 0 && !prune)
        {
            error.WriteLine("commslint: error: name the templates to approve, or give --prune. Example: commslint approve content/purchase/order-confirmation/email.pl.html --by \"A. Kowalska\"");
            return CommsLintApp.ExitUsage;
        }

        if (paths.Length > 0 && string.IsNullOrWhiteSpace(by))
        {
            error.WriteLine("commslint: error: say who approved the text with --by, such as --by \"A. Kowalska\".");
            return CommsLintApp.ExitUsage;
        }

        var ledgerPath = ProjectLayout.LedgerPath(ProjectLayout.CatalogPath([.. paths, ProjectLayout.DefaultContent], catalog, workingDirectory), approvals, workingDirectory);
        if (ledgerPath is null)
        {
            error.WriteLine($"commslint: error: no journey catalog found, so the repository root (where {ApprovalLedger.FileName} lives) is unknown. Run from the repository root, or give --approvals FILE.");
            return CommsLintApp.ExitUsage;
        }

        var problems = new List<Finding>();
        var ledger = ApprovalLedger.Load(ledgerPath, ContentDiscovery.DisplayPath(ledgerPath, workingDirectory), problems);
        if (problems.Count > 0)
        {
            // Writing now would drop the entries that could not be read.
            foreach (var problem in problems)
            {
                error.WriteLine($"{problem.Path}({problem.Location.Start.Line},{problem.Location.Start.Column}): error {problem.RuleId}: {problem.Message}");
            }

            error.WriteLine($"commslint: error: {ledger.DisplayPath} has errors; fix or remove those entries first, so that no approval is lost.");
            return CommsLintApp.ExitUsage;
        }

        var entries = ledger.Entries.ToDictionary(e => e.Path, StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime);
        var approved = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            if (!File.Exists(full))
            {
                error.WriteLine(Directory.Exists(full)
                    ? $"commslint: error: '{path}' is a folder. Name the template files that were reviewed, such as {Path.Combine(path, "email.pl.html")}."
                    : $"commslint: error: '{path}' does not exist. Give the path of a template.");
                return CommsLintApp.ExitUsage;
            }

            if (ledger.Approve(full, path, by!, note, today, out var problem) is not { } approval)
            {
                error.WriteLine($"commslint: error: {problem}");
                return CommsLintApp.ExitUsage;
            }

            entries[approval.Path] = approval;
            approved.Add($"{approval.Path} ({approval.Sha256[..12]})");
        }

        var pruned = prune ? entries.Keys.Where(p => !File.Exists(Path.Combine(ledger.Root, p))).ToArray() : [];
        foreach (var path in pruned)
        {
            entries.Remove(path);
        }

        if (!SafeFile.Replace(ledgerPath, ApprovalLedger.Serialize(entries.Values), ledger.DisplayPath, error))
        {
            return CommsLintApp.ExitUsage;
        }

        foreach (var line in approved)
        {
            output.WriteLine($"Approved {line} by {by!.Trim()} on {today:yyyy-MM-dd}.");
        }

        foreach (var path in pruned)
        {
            output.WriteLine($"Removed the approval of {path}: the file no longer exists.");
        }

        output.WriteLine($"{ledger.DisplayPath}: {entries.Count} approvals. Commit it with the templates.");
        return CommsLintApp.ExitClean;
    }
}
