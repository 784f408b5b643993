using System.Text;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Text;

namespace CommsLinter.Reports.Html;

/// <summary>
/// The source view of one file: its lines with every finding's exact span underlined (the message on
/// hover), the findings of each line listed under it, and an anchor per finding that the problems
/// panel opens. The page has no script; which finding is selected is the URL's fragment, shown with CSS.
/// </summary>
internal static class SourcePage
{
    /// <summary>The anchor of the <paramref name="index"/>th finding of a file, in the order the findings are given.</summary>
    public static string Anchor(int index) => HtmlText.Invariant($"f{index}");

    public static string Write(string path, Document? document, IReadOnlyList<Finding> findings, ReportData report, IReadOnlyList<string> usedBy)
    {
        var html = new StringBuilder(4096 + (document?.Source.Text.Length ?? 0) * 2);
        HtmlText.Begin(html, path, string.Empty, report.Summary, "../", "file", navigation: false);
        WriteHeader(html, path, document, findings, report, usedBy);

        if (document is null)
        {
            html.Append("<p class=\"muted\" style=\"padding: 0 12px\">The text of this file is not shown: it is not a template that could be read (a configuration file, or a file the findings below explain).</p>\n");
            html.Append("<div style=\"padding: 0 12px\">");
            for (var i = 0; i < findings.Count; i++)
            {
                WriteNote(html, findings[i], i, anchored: false);
            }

            html.Append("</div>\n");
        }
        else
        {
            WriteSource(html, document.Source, findings);
        }

        WriteSelectionStyle(html, findings.Count);
        HtmlText.End(html);
        return html.ToString();
    }

    private static void WriteHeader(StringBuilder html, string path, Document? document, IReadOnlyList<Finding> findings, ReportData report, IReadOnlyList<string> usedBy)
    {
        html.Append("<header class=\"file\"><a href=\"../index.html\" target=\"_top\">CommsLinter report</a> · <strong class=\"mono\">")
            .Append(HtmlText.Escape(path)).Append("</strong> ").Append(HtmlText.Counts(findings)).Append("<br><span class=\"muted\">");
        if (document?.Touchpoint is { } id)
        {
            var touchpoint = report.Catalog?.FindTouchpoint(id);
            html.Append("touchpoint ").Append(HtmlText.Escape(touchpoint is null ? id : $"{touchpoint.Name} ({id})"))
                .Append(" · channel ").Append(HtmlText.Escape(document.Channel ?? "?"))
                .Append(" · locale ").Append(HtmlText.Escape(document.Locale ?? "?"));
            if (touchpoint is not null)
            {
                html.Append(" · owner ").Append(HtmlText.Escape(touchpoint.Owner)).Append(" · stage ").Append(HtmlText.Escape(touchpoint.Stage));
            }
        }
        else if (document?.Kind == DocumentKind.Snippet)
        {
            html.Append("shared snippet, included by ").Append(usedBy.Count == 0 ? "no template" : HtmlText.Escape(string.Join(", ", usedBy)));
        }

        html.Append("</span></header>\n");
    }

    /// <summary>One finding's part of one line: columns [From, To) of that line, 0-based.</summary>
    private readonly record struct Piece(int Finding, int From, int To);

    private static void WriteSource(StringBuilder html, SourceText source, IReadOnlyList<Finding> findings)
    {
        // Lines as the findings count them (LF, CRLF or a lone CR each end one), without their line breaks.
        var starts = source.Lines;
        var lines = new string[starts.LineCount];
        for (var line = 0; line < lines.Length; line++)
        {
            var start = starts.GetLineStart(line + 1);
            var end = line + 1 < lines.Length ? starts.GetLineStart(line + 2) : source.Text.Length;
            lines[line] = source.Text[start..end].TrimEnd('\n').TrimEnd('\r');
        }

        var pieces = new List<Piece>?[lines.Length];
        var notes = new List<int>?[lines.Length];
        for (var i = 0; i < findings.Count; i++)
        {
            var location = findings[i].Location;
            var first = Math.Clamp(location.Start.Line, 1, lines.Length) - 1;
            var last = Math.Max(first, Math.Clamp(location.End.Line, 1, lines.Length) - 1);
            (notes[first] ??= []).Add(i);
            for (var line = first; line <= last; line++)
            {
                var length = lines[line].Length;
                var from = line == first ? Math.Clamp(location.Start.Column - 1, 0, length) : 0;
                var to = line == last && location.End.Line - 1 == line ? Math.Clamp(location.End.Column - 1, from, length) : length;
                (pieces[line] ??= []).Add(new Piece(i, from, to));
            }
        }

        html.Append("<table class=\"code\">\n");
        for (var line = 0; line < lines.Length; line++)
        {
            html.Append(HtmlText.Invariant($"<tr id=\"L{line + 1}\"><td class=\"ln\">{line + 1}</td><td class=\"tx\">"));
            WriteLine(html, lines[line], pieces[line], findings);
            html.Append("</td></tr>\n");
            if (notes[line] is { } starting)
            {
                html.Append("<tr class=\"notes\"><td class=\"ln\"></td><td>");
                foreach (var index in starting)
                {
                    WriteNote(html, findings[index], index);
                }

                html.Append("</td></tr>\n");
            }
        }

        html.Append("</table>\n");
    }

    /// <summary>Cuts the line at every piece's edges, so overlapping findings each keep their exact span.</summary>
    private static void WriteLine(StringBuilder html, ReadOnlySpan<char> line, List<Piece>? pieces, IReadOnlyList<Finding> findings)
    {
        if (pieces is null)
        {
            html.Append(HtmlText.Escape(line.ToString()));
            return;
        }

        var edges = new SortedSet<int> { 0, line.Length };
        foreach (var piece in pieces)
        {
            edges.Add(piece.From);
            edges.Add(piece.To);
        }

        var started = new HashSet<int>();
        int? previous = null;
        foreach (var edge in edges)
        {
            if (previous is { } from)
            {
                WriteRun(html, line[from..edge].ToString(), from, edge, pieces, findings, started);
            }

            previous = edge;
        }

        // An empty span at the very end of the line (a missing word at the end, a file-level finding on an empty line).
        WriteRun(html, string.Empty, line.Length, line.Length, pieces, findings, started);
    }

    private static void WriteRun(StringBuilder html, string text, int from, int to, List<Piece> pieces, IReadOnlyList<Finding> findings, HashSet<int> started)
    {
        foreach (var piece in pieces)
        {
            if (piece.From == from && (piece.To > from || piece.To == piece.From) && started.Add(piece.Finding))
            {
                html.Append("<span class=\"anchor\" id=\"").Append(Anchor(piece.Finding)).Append("\"></span>");
                if (piece.To == piece.From)
                {
                    var finding = findings[piece.Finding];
                    html.Append("<mark class=\"empty ").Append(Anchor(piece.Finding)).Append(' ').Append(HtmlText.SeverityClass(finding.Severity))
                        .Append("\" title=\"").Append(HtmlText.Escape(Tooltip(finding))).Append("\"></mark>");
                }
            }
        }

        if (text.Length == 0)
        {
            return;
        }

        var covering = pieces.Where(p => p.From <= from && p.To >= to && p.To > p.From).ToArray();
        if (covering.Length == 0)
        {
            html.Append(HtmlText.Escape(text));
            return;
        }

        var worst = covering.Max(p => findings[p.Finding].Severity);
        html.Append("<mark class=\"").Append(HtmlText.SeverityClass(worst));
        foreach (var piece in covering)
        {
            html.Append(' ').Append(Anchor(piece.Finding));
        }

        html.Append("\" title=\"").Append(HtmlText.Escape(string.Join("\n", covering.Select(p => Tooltip(findings[p.Finding]))))).Append("\">")
            .Append(HtmlText.Escape(text)).Append("</mark>");
    }

    private static string Tooltip(Finding finding) => $"{TextReport.SeverityName(finding.Severity)} {finding.RuleId}: {finding.Message}";

    private static void WriteNote(StringBuilder html, Finding finding, int index, bool anchored = true)
    {
        var severity = HtmlText.SeverityClass(finding.Severity);
        if (!anchored)
        {
            // A file without its text shown: the finding's note is where the problems panel leads.
            html.Append("<span class=\"anchor\" id=\"").Append(Anchor(index)).Append("\"></span>");
        }

        html.Append("<div class=\"note ").Append(severity).Append("\" id=\"m").Append(HtmlText.Invariant($"{index}")).Append("\"><span class=\"sev ").Append(severity).Append("\">")
            .Append(TextReport.SeverityName(finding.Severity)).Append("</span> <code>").Append(HtmlText.Escape(finding.RuleId)).Append("</code> ")
            .Append(HtmlText.Invariant($"({finding.Location.Start.Line},{finding.Location.Start.Column}) "))
            .Append(HtmlText.Escape(finding.Message));
        if (finding.Fix is { } fix)
        {
            html.Append(" <span class=\"fix\">").Append(TextReport.FixLabel(fix)).Append(": ").Append(HtmlText.Escape(fix.Description)).Append("</span>");
        }

        html.Append(" <a href=\"#").Append(Anchor(index)).Append("\" title=\"select this finding\">#</a></div>\n");
    }

    /// <summary>The finding named by the URL's fragment is highlighted everywhere it appears, with CSS alone.</summary>
    private static void WriteSelectionStyle(StringBuilder html, int count)
    {
        if (count == 0)
        {
            return;
        }

        html.Append("<style>\n");
        for (var i = 0; i < count; i++)
        {
            html.Append(HtmlText.Invariant($"body:has(#f{i}:target) .f{i} {{ outline: 2px solid #d4a72c; background: #fff3c4; }} body:has(#f{i}:target) #m{i} {{ background: #fff3c4; }}\n"));
        }

        html.Append("</style>\n");
    }
}
