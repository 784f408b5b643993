using CommsLinter.Diagnostics;
using CommsLinter.Engine;
using CommsLinter.Engine.Live;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>
/// The live workspace an editor or the studio holds open: a change from an unsaved buffer or from disk
/// publishes the findings of the changed file and of every other file whose findings changed, and
/// what it holds always equals what a fresh check of the same texts reports.
/// </summary>
public sealed class LiveWorkspaceTests
{
    private const string Pl = "content/order/email.pl.html";
    private const string Ru = "content/order/email.ru.html";
    private const string Sms = "content/order/sms.it.txt";
    private const string Footer = "content/_partials/footer.it.txt";

    /// <summary>A rule that compares the templates of a stage and locale (grouped across files).</summary>
    private const string AddressForm = "rule tone.address warning \"Keep to the {expected} form.\" { when locale pl\n address-form formal \"Pan\" informal \"ty\" }\n";

    [Fact]
    public void An_unsaved_buffer_is_checked_in_place_of_the_file_and_closing_it_brings_the_disk_back()
    {
        using var folder = Repository();
        var workspace = Open(folder);
        Assert.Empty(workspace.FindingsOf(Pl));
        var disk = File.ReadAllText(Path.Combine(folder.Path, Pl));

        var change = workspace.SetText(Path.Combine(folder.Path, Pl), disk.Replace("<p>Dziękujemy", "<p>Dziękujemy, super", StringComparison.Ordinal));

        Assert.Equal(["content/order/email.pl.html(8,16): warning tone.super: No “super”."], Lines(change.FindingsOf(Pl)!));
        Assert.Equal(Lines(change.FindingsOf(Pl)!), Lines(workspace.FindingsOf(Pl)));
        Assert.Equal(disk, File.ReadAllText(Path.Combine(folder.Path, Pl)));

        var closed = workspace.CloseText(Path.Combine(folder.Path, Pl));
        Assert.Equal([], Lines(closed.FindingsOf(Pl)!));
        Assert.Empty(workspace.FindingsOf(Pl));
    }

    [Fact]
    public void Editing_one_locale_publishes_the_parity_findings_it_changes_in_another()
    {
        using var folder = Repository();
        File.WriteAllText(Path.Combine(folder.Path, Ru), File.ReadAllText(Path.Combine(folder.Path, Ru)).Replace("14 дней", "30 дней", StringComparison.Ordinal));
        var workspace = Open(folder);
        Assert.Contains(workspace.FindingsOf(Ru), f => f.RuleId == "parity.numbers");
        var published = new List<WorkspaceChange>();
        workspace.Changed += published.Add;

        // The Polish version is the source locale: once it says 30 days too, the Russian one agrees with it.
        var change = workspace.SetText(Path.Combine(folder.Path, Pl), File.ReadAllText(Path.Combine(folder.Path, Pl)).Replace("14 dni", "30 dni", StringComparison.Ordinal));

        Assert.Equal([], Lines(change.FindingsOf(Ru)!));
        Assert.Null(change.FindingsOf(Pl));
        Assert.Equal([change], published);
        AssertSameAsFreshCheck(workspace, folder, (Pl, File.ReadAllText(Path.Combine(folder.Path, Pl)).Replace("14 dni", "30 dni", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_snippet_changed_in_an_editor_is_what_the_templates_that_include_it_are_rendered_with()
    {
        using var folder = Repository();
        var workspace = Open(folder);
        Assert.Empty(workspace.FindingsOf(Sms));

        var broken = workspace.SetText(Path.Combine(folder.Path, Footer), "Okna Nowak {% if customer.first_name %}\n");

        Assert.Contains(broken.FindingsOf(Sms)!, f => f.RuleId == "render.failed");
        var fixedAgain = workspace.SetText(Path.Combine(folder.Path, Footer), "Okna Nowak, STOP al 80 80 80\n");
        Assert.DoesNotContain(fixedAgain.FindingsOf(Sms) ?? workspace.FindingsOf(Sms), f => f.RuleId == "render.failed");
        Assert.Empty(workspace.FindingsOf(Sms));
    }

    [Fact]
    public void A_style_guide_that_no_longer_compiles_shows_its_errors_while_the_last_good_one_keeps_checking()
    {
        using var folder = Repository();
        var workspace = Open(folder);
        var guide = Path.Combine(folder.Path, "styleguides", "tone.style");
        var pl = Path.Combine(folder.Path, Pl);
        workspace.SetText(pl, File.ReadAllText(pl).Replace("<p>Dziękujemy", "<p>Super", StringComparison.Ordinal));

        var broken = workspace.SetText(guide, File.ReadAllText(guide).Replace("forbid", "forbidd", StringComparison.Ordinal));

        Assert.Contains(broken.FindingsOf("styleguides/tone.style")!, f => f.RuleId == "DSL007");
        Assert.Contains(workspace.FindingsOf(Pl), f => f.RuleId == "tone.super");

        var renamed = workspace.SetText(guide, File.ReadAllText(guide).Replace("tone.super", "tone.hype", StringComparison.Ordinal));
        Assert.Equal([], Lines(renamed.FindingsOf("styleguides/tone.style")!));
        Assert.Equal(["content/order/email.pl.html(8,4): warning tone.hype: No “Super”."], Lines(workspace.FindingsOf(Pl)));
    }

    [Fact]
    public void Files_created_changed_and_deleted_on_disk_are_taken_in()
    {
        using var folder = Repository();
        var workspace = Open(folder);
        var added = folder.Write("content/order/sms.ru.txt", TestCatalog.FrontMatter("sms", "ru") + "Заказ {{ order.number }} принят. Super.\n");

        var created = workspace.FileChanged(added);

        Assert.Equal(["content/order/sms.ru.txt(6,34): warning tone.super: No “Super”."], Lines(created.FindingsOf("content/order/sms.ru.txt")!));
        File.Delete(added);
        var deleted = workspace.FileChanged(added);
        Assert.Equal([], Lines(deleted.FindingsOf("content/order/sms.ru.txt")!));
        Assert.Equal(WorkspaceChange.None, workspace.FileChanged(Path.Combine(folder.Path, "content", "notes.docx")));
        AssertSameAsFreshCheck(workspace, folder);
    }

    [Fact]
    public void Under_ci_a_pending_review_is_an_error_as_in_a_batch_check()
    {
        using var folder = Repository();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl, ru, it, en", rootExtra: "source-locale: pl", touchpointExtra: "    locales: [pl, ru, it]\n    sample: samples/order.json\n    flags: [legal-review]"));

        var local = LiveWorkspace.Open(["content"], new ConfigurationOptions(null, null, null), folder.Path);
        var ci = LiveWorkspace.Open(["content"], new ConfigurationOptions(null, null, null), folder.Path, ci: true);

        Assert.Equal(Severity.Warning, local.FindingsOf(Pl).Single(f => f.RuleId == "review.legal-pending").Severity);
        Assert.Equal(Severity.Error, ci.FindingsOf(Pl).Single(f => f.RuleId == "review.legal-pending").Severity);
    }

    [Fact]
    public void A_style_guide_that_cannot_be_read_is_a_finding_and_the_others_still_check()
    {
        using var folder = Repository();
        var dangling = Path.Combine(folder.Path, "styleguides", "gone.style");
        File.CreateSymbolicLink(dangling, Path.Combine(folder.Path, "nowhere.style"));
        var workspace = Open(folder);
        var batch = CheckRun.Start(["content"], new ConfigurationOptions(null, null, null), folder.Path, TextWriter.Null, new CheckOptions())!;

        Assert.Contains(batch.Result.Findings, f => f is { RuleId: "content.unreadable", Path: "styleguides/gone.style" });
        Assert.Equal(Lines(batch.Result.Findings), Lines(workspace.Findings));
        workspace.SetText(Path.Combine(folder.Path, Pl), File.ReadAllText(Path.Combine(folder.Path, Pl)).Replace("<p>Dziękujemy", "<p>Super", StringComparison.Ordinal));
        Assert.Contains(workspace.FindingsOf(Pl), f => f.RuleId == "tone.super");
        Assert.True(workspace.FileChanged(dangling).Checked > 0);
    }

    [Fact]
    public void Links_made_and_removed_while_it_is_open_are_reported_as_a_fresh_check_reports_them()
    {
        using var folder = Repository();
        using var outside = new TempFolder();
        outside.Write("sms.pl.txt", TestCatalog.FrontMatter("sms", "pl") + "Super.\n");
        var workspace = Open(folder);
        var linkedFolder = Path.Combine(folder.Path, "content", "linked");
        var linkedFile = Path.Combine(folder.Path, "content", "order", "sms.pl.txt");

        Directory.CreateSymbolicLink(linkedFolder, outside.Path);
        File.CreateSymbolicLink(linkedFile, Path.Combine(outside.Path, "sms.pl.txt"));
        workspace.FilesChanged([linkedFolder, linkedFile]);

        Assert.Contains(workspace.FindingsOf("content/linked"), f => f.RuleId == "content.link");
        Assert.Contains(workspace.FindingsOf("content/order/sms.pl.txt"), f => f.RuleId == "content.link");
        AssertSameAsFreshCheck(workspace, folder);

        Directory.Delete(linkedFolder);
        File.Delete(linkedFile);
        workspace.FilesChanged([linkedFolder, linkedFile]);
        Assert.Empty(workspace.FindingsOf("content/linked"));
        AssertSameAsFreshCheck(workspace, folder);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void After_any_sequence_of_changes_the_workspace_reports_what_a_fresh_check_reports(int seed)
    {
        using var folder = Repository();
        var workspace = Open(folder);
        var random = new Random(seed);
        var buffers = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] files = [Pl, Ru, "content/order/email.it.html", Sms, Footer, "content/order/sms.pl.txt", "content/_partials/extra.pl.txt"];
        string[] texts =
        [
            TestCatalog.FrontMatter("email", "pl", "subject: Super\npreheader: P\n") + "<p>Pan ma zwrot w ciągu 30 dni. {% include 'extra.pl' %}</p>\n",
            TestCatalog.FrontMatter("sms", "pl") + "Zamówienie {{ order.number }}, ty wiesz. {% include 'footer.it' %} {{ customer.frist_name }}\n",
            TestCatalog.FrontMatter("sms", "it") + "Ordine {{ order.number }} super. {% include 'extra.pl' %}\n",
            "Okna Nowak super {% if x %}\n",
            "Okna Nowak {% include 'footer.it' %}\n",
            "<p>Спасибо. Возврат в течение 14 дней.</p>\n",
        ];
        var log = new List<string>();
        for (var step = 0; step < 25; step++)
        {
            var path = files[random.Next(files.Length)];
            var full = Path.Combine(folder.Path, path);
            var text = texts[random.Next(texts.Length)];
            var action = random.Next(13);
            log.Add($"{step}: action {action} on {path} with text {Array.IndexOf(texts, text)}");
            switch (action)
            {
                case 0:
                    buffers[path] = text;
                    workspace.SetText(full, text);
                    break;
                case 1:
                    buffers.Remove(path);
                    workspace.CloseText(full);
                    break;
                case 2:
                    folder.Write(path, text);
                    workspace.FileChanged(full);
                    break;
                case 3:
                    if (File.Exists(full))
                    {
                        File.Delete(full);
                    }

                    workspace.FileChanged(full);
                    break;
                case 4:
                    var sample = folder.Write("content/samples/order.json", step % 2 == 0 ? "{ \"customer\": { \"frist_name\": \"Anna\" } }" : "{ \"customer\": { \"first_name\": \"Anna\" }, \"order\": { \"number\": \"A-1\" } }");
                    workspace.FileChanged(sample);
                    break;
                case 5:
                    var catalog = folder.Write("content/touchpoints.yml", TestCatalog.Build(rootExtra: "source-locale: pl", touchpointExtra: $"    locales: [{(step % 2 == 0 ? "pl, ru" : "pl, ru, it")}]\n    sample: samples/order.json"));
                    workspace.FileChanged(catalog);
                    break;
                case 6:
                    // A folder deleted, or moved in with its files: the watcher names only the folder.
                    var partials = Path.Combine(folder.Path, "content", "_partials");
                    if (Directory.Exists(partials))
                    {
                        Directory.Delete(partials, recursive: true);
                    }
                    else
                    {
                        folder.Write(Footer, "Okna Nowak, STOP al 80 80 80\n");
                    }

                    foreach (var gone in buffers.Keys.Where(p => p.StartsWith("content/_partials/", StringComparison.Ordinal)).ToArray())
                    {
                        buffers.Remove(gone);
                        workspace.CloseText(Path.Combine(folder.Path, gone));
                    }

                    workspace.FileChanged(partials);
                    break;
                case 7:
                    workspace.Rescan();
                    break;
                case 8:
                case 9:
                    // The style guides or the samples moved away whole, or back: only the folders are named.
                    var moved = Path.Combine(folder.Path, action == 8 ? "styleguides" : "content/samples");
                    var away = moved + "-away";
                    if (Directory.Exists(away))
                    {
                        if (Directory.Exists(moved))
                        {
                            Directory.Delete(moved, recursive: true);
                        }

                        Directory.Move(away, moved);
                    }
                    else if (Directory.Exists(moved))
                    {
                        Directory.Move(moved, away);
                    }

                    foreach (var gone in buffers.Keys.Where(p => p.StartsWith(action == 8 ? "styleguides/" : "content/samples/", StringComparison.Ordinal)).ToArray())
                    {
                        buffers.Remove(gone);
                        workspace.CloseText(Path.Combine(folder.Path, gone));
                    }

                    workspace.FilesChanged([moved, away]);
                    break;
                case 10:
                    // A second snippet of the same include name: the first by path is the one included.
                    folder.Write("content/_partials/footer.it.html", text);
                    workspace.FileChanged(Path.Combine(folder.Path, "content/_partials/footer.it.html"));
                    break;
                case 11:
                    buffers[path] = string.Empty;
                    workspace.SetText(full, string.Empty);
                    break;
                default:
                    if (Directory.Exists(Path.Combine(folder.Path, "styleguides-away")))
                    {
                        break;
                    }

                    var guide = folder.Write("styleguides/tone.style", $"styleguide \"Tone\"\nrule tone.super warning \"No “{{match}}”.\" {{ forbid \"{(step % 2 == 0 ? "super" : "okna")}\" }}\n{AddressForm}");
                    workspace.FileChanged(guide);
                    break;
            }

            var fresh = string.Join("\n", FreshCheck(folder, buffers));
            var live = string.Join("\n", Lines(workspace.Findings));
            Assert.True(fresh == live, string.Join("\n", log) + "\n--- fresh\n" + fresh + "\n--- live\n" + live);
        }
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 10)];

    /// <summary>A catalog with one touchpoint in e-mail and SMS, three locales, a style guide, a snippet and a sample.</summary>
    private static TempFolder Repository()
    {
        var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl, ru, it, en", rootExtra: "source-locale: pl", touchpointExtra: "    locales: [pl, ru, it]\n    sample: samples/order.json"));
        folder.Write("content/samples/order.json", "{ \"customer\": { \"first_name\": \"Anna\" }, \"order\": { \"number\": \"A-1\" } }");
        folder.Write("styleguides/tone.style", "styleguide \"Tone\"\nrule tone.super warning \"No “{match}”.\" { forbid \"super\" }\n" + AddressForm);
        folder.Write(Pl, TestCatalog.FrontMatter("email", "pl", "subject: Zamówienie\npreheader: Dziękujemy\n") + "<p>Dziękujemy. Zwrot w ciągu 14 dni.</p>\n");
        folder.Write(Ru, TestCatalog.FrontMatter("email", "ru", "subject: Заказ\npreheader: Спасибо\n") + "<p>Спасибо. Возврат в течение 14 дней.</p>\n");
        folder.Write("content/order/email.it.html", TestCatalog.FrontMatter("email", "it", "subject: Ordine\npreheader: Grazie\n") + "<p>Grazie. Reso entro 14 giorni.</p>\n");
        folder.Write(Sms, TestCatalog.FrontMatter("sms", "it") + "Ordine {{ order.number }} ricevuto. {% include 'footer.it' %}\n");
        folder.Write(Footer, "Okna Nowak, STOP al 80 80 80\n");
        return folder;
    }

    private static LiveWorkspace Open(TempFolder folder) =>
        LiveWorkspace.Open(["content"], new ConfigurationOptions(null, null, null), folder.Path);

    private static string[] Lines(IEnumerable<Finding> findings) =>
        [.. findings.Select(f => $"{f.Path}({f.Location.Start.Line},{f.Location.Start.Column}): {Reports.TextReport.SeverityName(f.Severity)} {f.RuleId}: {f.Message}")];

    /// <summary>What a check from scratch reports of a copy of the folder with the editor's texts written to it.</summary>
    private static string[] FreshCheck(TempFolder folder, IReadOnlyDictionary<string, string> buffers)
    {
        using var copy = TempFolder.CopyOf(folder.Path);
        // An empty snippets folder still exists: it decides how an unknown include is reported.
        foreach (var directory in Directory.EnumerateDirectories(folder.Path, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(copy.Path, Path.GetRelativePath(folder.Path, directory)));
        }

        foreach (var (path, text) in buffers)
        {
            copy.Write(path, text);
        }

        return Lines(CheckRun.Start(["content"], new ConfigurationOptions(null, null, null), copy.Path, TextWriter.Null, new CheckOptions())!.Result.Findings);
    }

    /// <summary>What the workspace holds is what a check from scratch reports, with the edited texts written to disk.</summary>
    private static void AssertSameAsFreshCheck(LiveWorkspace workspace, TempFolder folder, params (string Path, string Text)[] edits)
    {
        foreach (var (path, text) in edits)
        {
            folder.Write(path, text);
        }

        var fresh = CheckRun.Start(["content"], new ConfigurationOptions(null, null, null), folder.Path, TextWriter.Null, new CheckOptions())!;
        Assert.Equal(Lines(fresh.Result.Findings), Lines(workspace.Findings));
    }
}
