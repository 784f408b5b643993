using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Text;

namespace CommsLinter.Rules.Builtin;

/// <summary>
/// A template's touchpoint, channel and locale must exist in the catalog, and the touchpoint must be
/// meant to reach customers on that channel and in that locale.
/// </summary>
public sealed class CatalogReferenceCheck : IDocumentCheck, IBuiltinCheck
{
    public static readonly RuleDescriptor UnknownTouchpoint = new("catalog.unknown-touchpoint", "Template names an unknown touchpoint", Severity.Error);
    public static readonly RuleDescriptor UnknownChannel = new("catalog.unknown-channel", "Template names an unknown channel", Severity.Error);
    public static readonly RuleDescriptor UnknownLocale = new("catalog.unknown-locale", "Template names an unknown locale", Severity.Error);
    public static readonly RuleDescriptor UnexpectedChannel = new("catalog.unexpected-channel", "Touchpoint does not use this channel", Severity.Warning);
    public static readonly RuleDescriptor UnexpectedLocale = new("catalog.unexpected-locale", "Touchpoint does not need this locale", Severity.Warning);

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [UnknownTouchpoint, UnknownChannel, UnknownLocale, UnexpectedChannel, UnexpectedLocale];

    public IReadOnlyList<RuleDescriptor> Rules => Descriptors;

    public void Check(Document document, CheckContext context, ICollection<Finding> findings)
    {
        if (context.Catalog is not { } catalog || document.Kind != DocumentKind.Template)
        {
            return;
        }

        var frontMatter = document.FrontMatter;
        var channel = document.Channel;
        var channelKnown = channel is not null && catalog.HasChannel(channel);
        if (channel is not null && !channelKnown)
        {
            findings.Add(UnknownChannel.At(document, ValueRange(frontMatter, FrontMatterKeys.Channel),
                $"Unknown channel '{channel}'.{Suggestions.DidYouMean(channel, catalog.Channels.Select(c => c.Id))} The catalog's channels are: {string.Join(", ", catalog.Channels.Select(c => c.Id))}."));
        }

        var locale = document.Locale;
        var localeKnown = locale is not null && catalog.HasLocale(locale);
        if (locale is not null && !localeKnown)
        {
            findings.Add(UnknownLocale.At(document, ValueRange(frontMatter, FrontMatterKeys.Locale),
                $"Unknown locale '{locale}'.{Suggestions.DidYouMean(locale, catalog.Locales)} The catalog's locales are: {string.Join(", ", catalog.Locales)}."));
        }

        if (document.Touchpoint is not { } id)
        {
            return;
        }

        if (catalog.FindTouchpoint(id) is not { } touchpoint)
        {
            findings.Add(UnknownTouchpoint.At(document, ValueRange(frontMatter, FrontMatterKeys.Touchpoint),
                $"Unknown touchpoint '{id}'.{Suggestions.DidYouMean(id, catalog.Touchpoints.Select(t => t.Id))} Add it to {catalog.Source.Path} or name one that is there."));
            return;
        }

        if (channelKnown && !touchpoint.Channels.Contains(channel!))
        {
            findings.Add(UnexpectedChannel.At(document, ValueRange(frontMatter, FrontMatterKeys.Channel),
                $"Touchpoint '{id}' is not sent by {channel}; the catalog lists: {string.Join(", ", touchpoint.Channels)}. Add the channel to the touchpoint or fix the template."));
        }

        if (localeKnown && !touchpoint.Locales.Contains(locale!))
        {
            findings.Add(UnexpectedLocale.At(document, ValueRange(frontMatter, FrontMatterKeys.Locale),
                $"Touchpoint '{id}' is not sent in '{locale}'; the catalog lists: {string.Join(", ", touchpoint.Locales)}."));
        }
    }

    private static TextRange ValueRange(FrontMatter frontMatter, string key) =>
        frontMatter.Get(key)?.ValueRange ?? new TextRange(0, 0);
}
