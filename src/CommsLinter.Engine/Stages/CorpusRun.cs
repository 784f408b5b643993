using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Engine.Stages;

/// <summary>
/// What the stages after the per-document one work on: every file's summary, the findings so far
/// (each stage may add or remove some), and what they record for the reports.
/// </summary>
internal sealed class CorpusRun
{
    public required CheckContext Context { get; init; }

    /// <summary>Every file that could be read, summarised, in the order of the checked files.</summary>
    public required IReadOnlyList<DocumentSummary> Summaries { get; init; }

    /// <summary>The findings so far: the configuration's and every file's, then what each stage adds.</summary>
    public required List<Finding> Findings { get; set; }

    /// <summary>A checked file's text by the path findings give; null when it cannot be read.</summary>
    public required Func<string, SourceText?> SourceOf { get; init; }

    /// <summary>A checked file by the path findings give.</summary>
    public required Func<string, ContentFile?> FileOf { get; init; }

    /// <summary>The files whose per-file checks ran (--changed-since), by the path findings give; null for all.</summary>
    public IReadOnlySet<string>? CheckedPaths { get; init; }

    /// <summary>Whether the run is CI's gate (--ci): a pending review is an error, not a warning.</summary>
    public bool Ci { get; init; }

    /// <summary>The templates that a team must review, as the approval gate found them.</summary>
    public IReadOnlyList<ReviewItem> Reviews { get; set; } = [];

    /// <summary>How many findings the baseline accepted and the run leaves out.</summary>
    public int Baselined { get; set; }

    /// <summary>Whether the per-file checks ran on a file (always, unless --changed-since names the files).</summary>
    public bool IsChecked(string path) => CheckedPaths is null || CheckedPaths.Contains(path);
}

/// <summary>A stage that runs once, after every document is checked, over all of them.</summary>
internal interface ICorpusStage
{
    void Run(CorpusRun run);
}
