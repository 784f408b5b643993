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
    /// <summary>What the catalog says may legitimately differ between this touchpoint's locales (a local hotline, prices in another currency); see <see cref="ParityAspects"/>.</summary>
    public IReadOnlyList<string> Localized { get; init; } = [];

    /// <summary>The sample data its templates are checked and rendered with unless their front matter names another, relative to the content folder.</summary>
    public string? Sample { get; init; }

    /// <summary>The flag that makes every template of a touchpoint need legal's review (docs/approvals.md).</summary>
    public const string LegalReviewFlag = "legal-review";

    public bool HasFlag(string flag) => Flags.Contains(flag, StringComparer.Ordinal);
}

/// <summary>What the templates of one touchpoint and channel must agree on across locales.</summary>
public static class ParityAspects
{
    public const string Placeholders = "placeholders";
    public const string Days = "days";
    public const string Money = "money";
    public const string Percent = "percent";
    public const string Dates = "dates";
    public const string Quantities = "quantities";
    public const string Urls = "urls";
    public const string Emails = "emails";
    public const string Phones = "phones";
    public const string Links = "links";
    public const string Images = "images";

    public static IReadOnlyList<string> All { get; } = [Placeholders, Days, Money, Percent, Dates, Quantities, Urls, Emails, Phones, Links, Images];
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
