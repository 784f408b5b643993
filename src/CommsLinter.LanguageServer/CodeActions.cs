using CommsLinter.Diagnostics;
using CommsLinter.Rules.Style;
using CommsLinter.Spelling;

namespace CommsLinter.LanguageServer;

/// <summary>
/// The code actions of a template's findings: each finding's own fix, "add to the company
/// dictionary" for a spelling finding, "suppress on this line" in the file's comment syntax, "open
/// the rule", and one action that applies every safe fix of the file (<c>source.fixAll.commslint</c>).
/// </summary>
internal static class CodeActions
{
    /// <param name="text">The file's text as the editor has it; null when the editor does not hold it.</param>
    /// <param name="only">The kinds the editor asks for; null for every kind.</param>
    public static List<CodeAction> For(ProjectFolder folder, string path, string uri, string? text, Range range, IReadOnlyList<string>? only, Func<Finding, Diagnostic> toDiagnostic)
    {
        var findings = folder.Workspace.FindingsOf(folder.DisplayPathOf(path));
        var actions = new List<CodeAction>();
        // Once per request, not once per finding: a long template has many.
        var lines = text is null ? null : Text.LineIndex.Build(text);
        var textLines = text?.Split('\n');
        if (only is null || only.Any(k => k.StartsWith("quickfix", StringComparison.Ordinal)))
        {
            foreach (var finding in findings.Where(f => Findings.Overlaps(f, range)))
            {
                var diagnostic = toDiagnostic(finding);
                if (finding.Fix is { } fix)
                {
                    actions.Add(new CodeAction(fix.Description, "quickfix")
                    {
                        Diagnostics = [diagnostic],
                        IsPreferred = fix.Safe,
                        Edit = new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>> { [uri] = Findings.EditsOf(fix) }),
                    });
                }

                if (AcceptWordAction(folder, uri, text, lines, finding, diagnostic) is { } accept)
                {
                    actions.Add(accept);
                }

                if (SuppressAction(folder, path, uri, textLines, finding, diagnostic) is { } suppress)
                {
                    actions.Add(suppress);
                }

                actions.Add(new CodeAction($"Open the definition of rule '{finding.RuleId}'", "quickfix")
                {
                    Diagnostics = [diagnostic],
                    Command = new Command($"Open rule {finding.RuleId}", CommsLintLanguageServer.OpenRuleCommand, [uri, finding.RuleId]),
                });
            }
        }

        var safe = findings.Where(f => f.Fix is { Safe: true }).ToList();
        if (safe.Count > 0 && (only is null || only.Any(k => CommsLintLanguageServer.FixAllKind.StartsWith(k, StringComparison.Ordinal))))
        {
            var edits = new List<TextEdit>();
            var lastEnd = new Text.LinePosition(0, 0);
            foreach (var fix in safe.Select(f => f.Fix!).OrderBy(f => f.Edits[0].Location))
            {
                // Fixes that overlap an earlier one wait for the next run, as check --fix's passes do.
                if (fix.Edits.Any(e => e.Location.Start < lastEnd))
                {
                    continue;
                }

                edits.AddRange(Findings.EditsOf(fix));
                lastEnd = fix.Edits.Max(e => e.Location.End);
            }

            actions.Add(new CodeAction($"Fix all safe CommsLinter findings ({edits.Count})", CommsLintLanguageServer.FixAllKind)
            {
                Edit = new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>> { [uri] = edits }),
            });
        }

        return actions;
    }

    /// <summary>"Add to the company dictionary" for a spelling finding: the word as written, for the template's language.</summary>
    private static CodeAction? AcceptWordAction(ProjectFolder folder, string uri, string? text, Text.LineIndex? lines, Finding finding, Diagnostic diagnostic)
    {
        if (folder.RuleOf(finding.RuleId) is not SpellingRule || finding.Locale is not { } locale || !SpellingDictionaries.NameOfLocale.ContainsKey(locale)
            || text is null || lines is null)
        {
            return null;
        }

        var start = OpenDocuments.OffsetOf(text, lines, Findings.RangeOf(finding.Location).Start);
        var end = OpenDocuments.OffsetOf(text, lines, Findings.RangeOf(finding.Location).End);
        // The word as the finding read it: a span written with an entity or split by a tag ("Ekoszyb&#281;", "Eko<b>szybę")
        // is not the word, and nothing is offered rather than a wrong one.
        var word = text[start..end];
        if (word.Length == 0 || !word.All(c => char.IsLetter(c) || c is '-' or '\'' or '’'))
        {
            return null;
        }

        return new CodeAction($"Add “{word}” to the company's {SpellingDictionaries.LanguageName(locale)} dictionary", "quickfix")
        {
            Diagnostics = [diagnostic],
            Command = new Command($"Add “{word}” to the dictionary", CommsLintLanguageServer.AcceptWordCommand, [uri, word, locale]),
        };
    }

    /// <summary>Appends a word to the company's word list for a locale (styleguides/dictionaries/pl_PL.company.dic).</summary>
    /// <exception cref="InvalidOperationException">The workspace checks no spelling, or has no dictionary for the locale.</exception>
    public static string AcceptWord(ProjectFolder folder, string word, string locale) =>
        (folder.Workspace.Configuration.Spelling?.Dictionaries ?? throw new InvalidOperationException("no style guide checks spelling.")).AddCompanyWord(locale, word);

    /// <summary>"Suppress on this line": a directive on the line above the finding, in the file's own comment syntax.</summary>
    private static CodeAction? SuppressAction(ProjectFolder folder, string path, string uri, string[]? lines, Finding finding, Diagnostic diagnostic)
    {
        // What a team reviews is never silenced (suppression.review): no action offers to. Directives are read in
        // templates and snippets only, never in a guide or the catalog.
        if (lines is null || !IsTemplate(path) || folder.RuleOf(finding.RuleId)?.Header.Review is not null || finding.RuleId.StartsWith("review.", StringComparison.Ordinal))
        {
            return null;
        }

        var line = finding.Location.Start.Line - 1;
        if (line >= lines.Length || InFrontMatter(lines, line))
        {
            return null;
        }

        var indent = new string([.. lines[line].TakeWhile(c => c is ' ' or '\t')]);
        var directive = Path.GetExtension(path).ToLowerInvariant() is ".html" or ".htm" or ".md" or ".markdown"
            ? $"<!-- commslint-disable-next-line {finding.RuleId} -->"
            : $"{{% comment %}}commslint-disable-next-line {finding.RuleId}{{% endcomment %}}";
        var at = new Position(line, 0);
        return new CodeAction($"Suppress {finding.RuleId} on this line", "quickfix")
        {
            Diagnostics = [diagnostic],
            Edit = new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>> { [uri] = [new TextEdit(new Range(at, at), indent + directive + "\n")] }),
        };
    }

    private static bool IsTemplate(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".html" or ".htm" or ".md" or ".markdown" or ".txt" or ".liquid";

    private static bool InFrontMatter(string[] lines, int line)
    {
        if (lines.Length == 0 || lines[0].TrimEnd('\r') != "---")
        {
            return false;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd('\r') is "---" or "...")
            {
                return line <= i;
            }
        }

        return true;
    }
}
