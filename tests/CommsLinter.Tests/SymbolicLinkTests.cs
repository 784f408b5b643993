using CommsLinter.Content;
using CommsLinter.Engine;
using CommsLinter.Engine.Live;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>
/// Nothing is read through a symbolic link: a template, snippet, folder or sample that is one is reported at the link
/// (or at the reference that reaches it), whether a folder is checked or the path is named, and extract and approve
/// refuse it. Each test commits real links, to a folder beside the repository that holds a secret.
/// </summary>
public sealed class SymbolicLinkTests
{
    private const string Secret = "SEKRET root:x:0:0";
    private const string Template = "content/purchase/order-confirmation/sms.pl.txt";
    private const string Footer = "content/_partials/footer.pl.txt";

    [Fact]
    public void A_snippet_that_links_outside_is_reported_at_the_link_and_includes_nothing()
    {
        using var folder = Repository();
        Link(folder, Footer, "../../../outside/secret.txt");

        var check = Run(folder, "check", "--no-progress");
        var render = Run(folder, "render", "--out", "out");

        Assert.Equal(
            [$"{Footer}(1,1): error content.link: This file is a symbolic link to '../../../outside/secret.txt', so it is not checked: CommsLinter reads nothing through a link. Put the file itself here, or remove the link."],
            CliRunner.FindingLines(check.Output));
        Assert.Equal(1, check.ExitCode);
        Assert.Equal(0, render.ExitCode);
        Assert.All(Directory.EnumerateFiles(Path.Combine(folder.Path, "repo", "out"), "*", SearchOption.AllDirectories),
            page => Assert.DoesNotContain(Secret, File.ReadAllText(page), StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_that_links_outside_is_reported_alike_when_its_folder_is_checked_and_when_it_is_named()
    {
        using var folder = Repository();
        const string Linked = "content/purchase/order-confirmation/sms.en.txt";
        Link(folder, Linked, "../../../../outside/dir/sms.en.txt");
        var expected = $"{Linked}(1,1): error content.link: This file is a symbolic link to '../../../../outside/dir/sms.en.txt', so it is not checked: CommsLinter reads nothing through a link. Put the file itself here, or remove the link.";

        var walked = Run(folder, "check", "--no-progress");
        var named = Run(folder, "check", "--no-progress", Linked);
        // An outcome a cache keeps is of a file it read: the link is asked again on the next run, and reported again.
        Run(folder, "check", "--no-progress", "--cache");
        var cached = Run(folder, "check", "--no-progress", "--cache");

        Assert.Equal([expected], CliRunner.FindingLines(walked.Output));
        Assert.Equal([expected], CliRunner.FindingLines(named.Output));
        Assert.Equal([expected], CliRunner.FindingLines(cached.Output));
        Assert.All(new[] { walked, named, cached }, r => Assert.DoesNotContain("SEKRET", r.Output + r.Error, StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_that_is_a_link_is_listed_not_entered_and_a_path_through_it_names_the_link()
    {
        using var folder = Repository();
        Link(folder, "content/purchase/shared", "../../../outside/dir", isFolder: true);
        var expected = "content/purchase/shared(1,1): error content.link: This folder is a symbolic link to '../../../outside/dir', so nothing in it is checked: CommsLinter reads nothing through a link. Put the folder itself here, or remove the link.";

        Assert.Equal([expected], CliRunner.FindingLines(Run(folder, "check", "--no-progress").Output));
        Assert.Equal([expected], CliRunner.FindingLines(Run(folder, "check", "--no-progress", "content/purchase/shared/sms.en.txt").Output));
        Assert.Equal([expected], CliRunner.FindingLines(Run(folder, "check", "--no-progress", "content/purchase/shared").Output));
    }

    [Fact]
    public void A_snippets_folder_that_is_a_link_is_reported_and_gives_no_snippets()
    {
        using var folder = Repository();
        folder.Write("outside/partials/footer.pl.txt", Secret);
        Directory.Delete(Path.Combine(folder.Path, "repo", "content", "_partials"), recursive: true);
        Link(folder, "content/_partials", "../../outside/partials", isFolder: true);

        var lines = CliRunner.FindingLines(Run(folder, "check", "--no-progress").Output);

        Assert.Equal(
            [
                "content/_partials(1,1): error content.link: This folder is a symbolic link to '../../outside/partials', so nothing in it is checked: CommsLinter reads nothing through a link. Put the folder itself here, or remove the link.",
                $"{Template}(6,24): error include.unknown: Snippet 'footer.pl' does not exist in content/_partials. Snippets there: .",
            ],
            lines);
    }

    [Fact]
    public void A_sample_reached_through_a_link_is_not_read_and_is_reported_at_the_reference()
    {
        using var folder = Repository();
        folder.Write("outside/secret.json", "{ \"order\": { \"secret_key\": \"" + Secret + "\" } }");
        folder.Write("outside/samples/order.json", "{ \"order\": { \"secret_key\": \"" + Secret + "\" } }");
        folder.Write("repo/" + Template, TestCatalog.FrontMatter("sms", "pl", "sample: samples/order.json\n") + "Okna Nowak {{ order.secret_kee }}.\n");
        Link(folder, "content/samples/order.json", "../../../outside/secret.json");

        var file = CliRunner.FindingLines(Run(folder, "check", "--no-progress", Template).Output);
        Directory.Delete(Path.Combine(folder.Path, "repo", "content", "samples"), recursive: true);
        Link(folder, "content/samples", "../../outside/samples", isFolder: true);
        var inFolder = CliRunner.FindingLines(Run(folder, "check", "--no-progress", Template).Output);

        Assert.Equal(
            [$"{Template}(5,9): error content.link: The sample 'content/samples/order.json' is a symbolic link (to '../../../outside/secret.json'), so it is not read and this template is not checked against it: CommsLinter reads nothing through a link. Put the sample itself there."],
            file);
        Assert.Equal(
            [$"{Template}(5,9): error content.link: The sample 'content/samples/order.json' is reached through the symbolic link content/samples (to '../../outside/samples'), so it is not read and this template is not checked against it: CommsLinter reads nothing through a link. Put the sample itself there."],
            inFolder);
    }

    [Fact]
    public void A_snippet_and_a_sample_that_link_to_an_endless_device_do_not_hold_the_run_up()
    {
        using var folder = Repository();
        folder.Write("repo/" + Template, TestCatalog.FrontMatter("sms", "pl", "sample: samples/order.json\n") + "Okna Nowak {% include 'footer.pl' %}\n");
        Link(folder, Footer, "/dev/zero");
        Link(folder, "content/samples/order.json", "/dev/zero");

        // With the cache, whose key hashes the snippets and samples too.
        var result = Run(folder, "check", "--no-progress", "--cache");

        Assert.Equal(
            [
                $"{Footer}(1,1): error content.link: This file is a symbolic link to '/dev/zero', so it is not checked: CommsLinter reads nothing through a link. Put the file itself here, or remove the link.",
                $"{Template}(5,9): error content.link: The sample 'content/samples/order.json' is a symbolic link (to '/dev/zero'), so it is not read and this template is not checked against it: CommsLinter reads nothing through a link. Put the sample itself there.",
            ],
            CliRunner.FindingLines(result.Output));
    }

    [Fact]
    public void Extract_and_approve_refuse_a_link_with_a_usage_error_and_print_or_keep_nothing_of_it()
    {
        using var folder = Repository();
        Link(folder, Footer, "../../../outside/secret.txt");
        Link(folder, "content/purchase/shared", "../../../outside/dir", isFolder: true);

        var extract = Run(folder, "extract", Footer);
        var approve = Run(folder, "approve", Footer, "--by", "A. Kowalska");
        var approveThrough = Run(folder, "approve", "content/purchase/shared/sms.en.txt", "--by", "A. Kowalska");

        Assert.Equal(2, extract.ExitCode);
        Assert.Equal("", extract.Output);
        Assert.Equal($"commslint: error: '{Footer}' is a symbolic link (to '../../../outside/secret.txt'); commslint reads nothing through a link. Extract the file itself.\n", extract.Error.ReplaceLineEndings("\n"));
        Assert.Equal(2, approve.ExitCode);
        Assert.Equal($"commslint: error: '{Footer}' is a symbolic link (to '../../../outside/secret.txt'), so it cannot be approved: commslint reads nothing through a link. Approve the file itself.\n", approve.Error.ReplaceLineEndings("\n"));
        Assert.Equal(2, approveThrough.ExitCode);
        Assert.StartsWith("commslint: error: 'content/purchase/shared/sms.en.txt' is reached through the symbolic link content/purchase/shared (to '../../../outside/dir')", approveThrough.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "repo", "approvals.yml")));
    }

    [Fact]
    public void A_link_inside_the_repository_is_reported_too_and_its_target_is_checked_as_itself()
    {
        using var folder = Repository();
        Link(folder, "content/purchase/order-confirmation/sms.en.txt", "sms.pl.txt");

        Assert.Equal(
            ["content/purchase/order-confirmation/sms.en.txt(1,1): error content.link: This file is a symbolic link to 'sms.pl.txt', so it is not checked: CommsLinter reads nothing through a link. Put the file itself here, or remove the link."],
            CliRunner.FindingLines(Run(folder, "check", "--no-progress").Output));
    }

    [Fact]
    public void A_single_file_is_classified_as_listing_its_folder_lists_it()
    {
        using var folder = Repository();
        Link(folder, "content/purchase/order-confirmation/sms.en.txt", "../../../../outside/dir/sms.en.txt");
        Link(folder, "content/purchase/order-confirmation/sms.it.txt", "nowhere.txt");
        Link(folder, "content/purchase/shared", "../../../outside/dir", isFolder: true);
        Link(folder, "content/purchase/logo.png", "../../../outside/secret.txt");
        folder.Write("repo/content/.drafts/sms.ru.txt", "draft");
        folder.Write("repo/content/samples/order.json", "{}");
        folder.Write("repo/content/purchase/order-confirmation/sms.pl.txt.123.tmp", "half written");
        folder.Write("repo/content/README.md", "# Content");
        var root = Path.Combine(folder.Path, "repo");

        foreach (string[] paths in new[] { new[] { "content" }, new[] { "content/purchase/shared/sms.en.txt" }, new[] { Template, "content/_partials" } })
        {
            var listed = ContentDiscovery.Discover(paths, root, out _).ToDictionary(f => f.FullPath);
            // Every file and folder a change could name, those behind the folder link too.
            var candidates = Directory.EnumerateFileSystemEntries(Path.Combine(root, "content"), "*", SearchOption.AllDirectories);

            Assert.All(candidates, path => Assert.Equal(listed.GetValueOrDefault(path), ContentDiscovery.Classify(path, paths, root)));
            Assert.NotEmpty(listed);
        }
    }

    [Fact]
    public void A_live_workspace_takes_in_a_new_snippet_link_without_reading_it()
    {
        using var folder = Repository();
        var root = Path.Combine(folder.Path, "repo");
        var workspace = LiveWorkspace.Open(["content"], new ConfigurationOptions(null, null, null), root);
        Assert.Empty(workspace.Findings);

        Link(folder, Footer, "../../../outside/secret.txt");
        var change = workspace.FileChanged(Path.Combine(root, Footer));

        Assert.Equal("content.link", Assert.Single(change.FindingsOf(Footer)!).RuleId);
        Assert.Equal(string.Empty, workspace.Configuration.Snippets!.Resolve("footer.pl")!.Text);
        Assert.All(workspace.Findings, f => Assert.DoesNotContain("SEKRET", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_whole_file_writers_temporary_files_are_neither_templates_nor_snippets()
    {
        using var folder = Repository();
        folder.Write("repo/content/purchase/order-confirmation/sms.pl.txt.4711.tmp", "half written");
        folder.Write("repo/content/_partials/footer.pl.txt.4711.tmp", "half written");
        var root = Path.Combine(folder.Path, "repo");

        Assert.Equal([Footer, Template], ContentDiscovery.Discover(["content"], root, out _).Select(f => f.DisplayPath));
        Assert.Equal(["footer.pl"], SnippetLibraryReader.Load(Path.Combine(root, "content", "_partials"), root)!.Names);
    }

    /// <summary>A repository (repo/) with one SMS template that includes a footer, and a folder beside it (outside/) with secrets.</summary>
    private static TempFolder Repository()
    {
        var folder = new TempFolder();
        folder.Write("outside/secret.txt", Secret);
        folder.Write("outside/dir/sms.en.txt", TestCatalog.FrontMatter("sms", "en") + Secret + "\n");
        folder.Write("repo/content/touchpoints.yml", TestCatalog.Build(locales: "pl", channels: "sms"));
        folder.Write("repo/" + Template, TestCatalog.FrontMatter("sms", "pl") + "Okna Nowak {% include 'footer.pl' %}\n");
        folder.Write("repo/" + Footer, "Okna Nowak, ul. Polna 1.\n");
        return folder;
    }

    /// <summary>Makes <paramref name="link"/> (inside repo/) a symbolic link to <paramref name="target"/>, as written.</summary>
    private static void Link(TempFolder folder, string link, string target, bool isFolder = false)
    {
        var path = Path.Combine(folder.Path, "repo", link);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        if (isFolder)
        {
            Directory.CreateSymbolicLink(path, target);
        }
        else
        {
            File.CreateSymbolicLink(path, target);
        }
    }

    private static CliRunner.Result Run(TempFolder folder, params string[] args) => CliRunner.Run(Path.Combine(folder.Path, "repo"), args);
}
