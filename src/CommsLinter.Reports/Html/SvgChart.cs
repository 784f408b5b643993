using System.Text;

namespace CommsLinter.Reports.Html;

/// <summary>A horizontal bar per row, split by severity: inline SVG, so the report needs no script or network for its charts.</summary>
internal static class SvgChart
{
    private const int LabelWidth = 220;
    private const int BarWidth = 460;
    private const int RowHeight = 22;

    public static string Bars(string title, IReadOnlyList<(string Label, int Errors, int Warnings, int Suggestions)> rows)
    {
        var max = Math.Max(1, rows.Select(r => r.Errors + r.Warnings + r.Suggestions).DefaultIfEmpty(0).Max());
        var height = (rows.Count * RowHeight) + 8;
        var svg = new StringBuilder();
        svg.Append(HtmlText.Invariant($"<svg class=\"chart\" role=\"img\" width=\"{LabelWidth + BarWidth + 60}\" height=\"{height}\" viewBox=\"0 0 {LabelWidth + BarWidth + 60} {height}\">"))
            .Append("<title>").Append(HtmlText.Escape(title)).Append("</title>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, errors, warnings, suggestions) = rows[i];
            var y = 4 + (i * RowHeight);
            svg.Append(HtmlText.Invariant($"<text x=\"{LabelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">")).Append(HtmlText.Escape(label)).Append("</text>");
            var x = (double)LabelWidth;
            foreach (var (count, color, name) in new[] { (errors, "#c62828", "errors"), (warnings, "#b26a00", "warnings"), (suggestions, "#1565c0", "suggestions") })
            {
                if (count == 0)
                {
                    continue;
                }

                var width = Math.Max(1.0, BarWidth * count / (double)max);
                svg.Append(HtmlText.Invariant($"<rect x=\"{x:0.#}\" y=\"{y + 2}\" width=\"{width:0.#}\" height=\"{RowHeight - 6}\" fill=\"{color}\"><title>{count} {name}</title></rect>"));
                x += width;
            }

            svg.Append(HtmlText.Invariant($"<text x=\"{x + 6:0.#}\" y=\"{y + 15}\">{errors + warnings + suggestions}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }
}
