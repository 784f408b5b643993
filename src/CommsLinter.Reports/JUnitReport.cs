using System.Globalization;
using System.Text;
using System.Xml;
using CommsLinter.Diagnostics;

namespace CommsLinter.Reports;

/// <summary>
/// JUnit XML for CI dashboards (Jenkins, GitLab, Azure Pipelines): one test case per checked file,
/// grouped in a suite per touchpoint. A file fails when it has a finding at or above
/// <see cref="FailOn"/>; findings below that level are listed in the case's output.
/// </summary>
public sealed class JUnitReport : IReportWriter
{
    /// <summary>The severity that makes a test case fail; null makes none fail.</summary>
    public Severity? FailOn { get; init; } = Severity.Error;

    public void Write(TextWriter output, ReportData report)
    {
        var byFile = report.Findings.GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var read = report.Summaries.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        var cases = report.Summaries
            .Select(d => (d.Path, Suite: d.Touchpoint ?? SuiteOf(d.Path)))
            .Concat(byFile.Where(p => !read.Contains(p.Key)).Select(p => (Path: p.Key, Suite: p.Value[0].Touchpoint ?? SuiteOf(p.Key))))
            .DistinctBy(c => c.Path)
            .GroupBy(c => c.Suite)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();

        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "commslint");
            xml.WriteAttributeString("tests", Number(cases.Sum(g => g.Count())));
            xml.WriteAttributeString("failures", Number(cases.Sum(g => g.Count(c => Fails(byFile.GetValueOrDefault(c.Path))))));
            xml.WriteAttributeString("errors", "0");
            foreach (var suite in cases)
            {
                var files = suite.OrderBy(c => c.Path, StringComparer.Ordinal).ToArray();
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", Clean(suite.Key));
                xml.WriteAttributeString("tests", Number(files.Length));
                xml.WriteAttributeString("failures", Number(files.Count(c => Fails(byFile.GetValueOrDefault(c.Path)))));
                xml.WriteAttributeString("errors", "0");
                foreach (var (path, _) in files)
                {
                    WriteCase(xml, suite.Key, path, byFile.GetValueOrDefault(path) ?? []);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private void WriteCase(XmlWriter xml, string suite, string path, Finding[] findings)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", Clean("commslint." + suite));
        xml.WriteAttributeString("name", Clean(path));
        var failing = findings.Where(IsFailure).ToArray();
        if (failing.Length > 0)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Clean(failing.Length == 1 ? failing[0].Message : $"{failing.Length} findings, the first: {failing[0].Message}"));
            xml.WriteAttributeString("type", Clean(failing[0].RuleId));
            xml.WriteString(Lines(failing));
            xml.WriteEndElement();
        }

        var other = findings.Where(f => !IsFailure(f)).ToArray();
        if (other.Length > 0)
        {
            xml.WriteElementString("system-out", Lines(other));
        }

        xml.WriteEndElement();
    }

    private bool Fails(Finding[]? findings) => findings is not null && findings.Any(IsFailure);

    private bool IsFailure(Finding finding) => FailOn is { } level && finding.Severity >= level;

    private static string Lines(IEnumerable<Finding> findings) => Clean(string.Concat(findings.Select(f =>
        string.Create(CultureInfo.InvariantCulture, $"{f.Path}({f.Location.Start.Line},{f.Location.Start.Column}): {TextReport.SeverityName(f.Severity)} {f.RuleId}: {f.Message}\n"))));

    /// <summary>The folder of a file that belongs to no touchpoint (a snippet, a file that could not be read).</summary>
    private static string SuiteOf(string path) => Path.GetDirectoryName(path)?.Replace('\\', '/') is { Length: > 0 } folder ? folder : ".";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Characters XML 1.0 cannot carry (control characters from a broken file) become U+FFFD.</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text, i++, 2);
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return builder.ToString();
    }
}
