using CommsLinter.Text;

namespace CommsLinter.Catalog;

/// <summary>A named item of the catalog (stage, process, team, channel) and where it is defined.</summary>
public sealed record CatalogItem(string Id, string Name, TextRange Range);

/// <summary>One moment of contact of the customer journey, as the catalog defines it.</summary>
public sealed record Touchpoint(
    string Id,
    string Name,
    string Stage,
    string Process,
    string Owner,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Locales,
    IReadOnlyList<string> Flags,
    TextRange Range)
{
    public bool HasFlag(string flag) => Flags.Contains(flag, StringComparer.Ordinal);
}

/// <summary>
/// The journey map (<c>content/touchpoints.yml</c>): stages, processes, teams, channels, locales and
/// touchpoints. Schema: docs/catalog.md.
/// </summary>
public sealed class JourneyCatalog
{
    private readonly Dictionary<string, Touchpoint> _touchpoints;

    public JourneyCatalog(
        SourceText source,
        string? company,
        IReadOnlyList<string> locales,
        string? sourceLocale,
        IReadOnlyList<CatalogItem> channels,
        IReadOnlyList<CatalogItem> teams,
        IReadOnlyList<CatalogItem> stages,
        IReadOnlyList<CatalogItem> processes,
        IReadOnlyList<Touchpoint> touchpoints)
    {
        Source = source;
        Company = company;
        Locales = locales;
        SourceLocale = sourceLocale;
        Channels = channels;
        Teams = teams;
        Stages = stages;
        Processes = processes;
        Touchpoints = touchpoints;
        _touchpoints = new Dictionary<string, Touchpoint>(StringComparer.Ordinal);
        foreach (var touchpoint in touchpoints)
        {
            _touchpoints.TryAdd(touchpoint.Id, touchpoint);
        }
    }

    public SourceText Source { get; }

    public string? Company { get; }

    public IReadOnlyList<string> Locales { get; }

    public string? SourceLocale { get; }

    public IReadOnlyList<CatalogItem> Channels { get; }

    public IReadOnlyList<CatalogItem> Teams { get; }

    public IReadOnlyList<CatalogItem> Stages { get; }

    public IReadOnlyList<CatalogItem> Processes { get; }

    public IReadOnlyList<Touchpoint> Touchpoints { get; }

    public Touchpoint? FindTouchpoint(string id) => _touchpoints.GetValueOrDefault(id);

    public bool HasChannel(string id) => Channels.Any(c => c.Id == id);

    public bool HasLocale(string locale) => Locales.Contains(locale, StringComparer.Ordinal);
}
