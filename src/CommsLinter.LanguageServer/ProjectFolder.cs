using CommsLinter.Content;
using CommsLinter.Engine;
using CommsLinter.Engine.Live;
using CommsLinter.Rules.Style;

namespace CommsLinter.LanguageServer;

/// <summary>
/// One folder of the editor's workspace, held open as a live workspace: its content (the folder's
/// <c>content/</c>, or the folder itself when it has none), with the catalog and style guides found
/// as <c>commslint check</c> finds them from there. Paths in findings are relative to the folder.
/// </summary>
internal sealed class ProjectFolder
{
    private ProjectFolder(string root, LiveWorkspace workspace)
    {
        Root = root;
        Workspace = workspace;
    }

    public string Root { get; }

    public LiveWorkspace Workspace { get; }

    /// <param name="styleGuides">The folder of style guides from the settings; null to find it as check does.</param>
    public static ProjectFolder Open(string root, string? styleGuides)
    {
        var content = Path.Combine(root, ProjectLayout.DefaultContent);
        IReadOnlyList<string> paths = Directory.Exists(content) ? [ProjectLayout.DefaultContent] : ["."];
        var options = new ConfigurationOptions(null, string.IsNullOrWhiteSpace(styleGuides) ? null : styleGuides, null);
        return new ProjectFolder(root, LiveWorkspace.Open(paths, options, root));
    }

    /// <summary>Whether a file is under this folder.</summary>
    public bool Holds(string fullPath) => ContentDiscovery.IsSameOrInside(fullPath, Root);

    /// <summary>Whether a file is one of the folder's style guides or company word lists, wherever the guides folder is.</summary>
    public bool HoldsDefinition(string fullPath) => Workspace.Where.StyleFolder is { } styles && ContentDiscovery.IsSameOrInside(fullPath, styles);

    /// <summary>The file a finding's path names.</summary>
    public string FullPathOf(string path) => Path.GetFullPath(path, Root);

    /// <summary>The path findings give a file by.</summary>
    public string DisplayPathOf(string fullPath) => ContentDiscovery.DisplayPath(fullPath, Root);

    /// <summary>The style rule with this id (or its second id, such as spelling's names), from the last good guides.</summary>
    /// <remarks>Every diagnostic asks: the rules are indexed once per set of guides.</remarks>
    public StyleRule? RuleOf(string id)
    {
        var style = Workspace.Configuration.Style;
        var index = Volatile.Read(ref _rules);
        if (index is null || !ReferenceEquals(index.Style, style))
        {
            var byId = new Dictionary<string, StyleRule>(StringComparer.Ordinal);
            foreach (var rule in style.Rules)
            {
                foreach (var descriptor in rule.Rules)
                {
                    byId.TryAdd(descriptor.Id, rule);
                }

                byId.TryAdd(rule.Id, rule);
            }

            index = new RuleIndex(style, byId);
            Volatile.Write(ref _rules, index);
        }

        return index.ById.GetValueOrDefault(id);
    }

    private RuleIndex? _rules;

    private sealed record RuleIndex(StyleGuides.Compilation.StyleSet Style, Dictionary<string, StyleRule> ById);
}
