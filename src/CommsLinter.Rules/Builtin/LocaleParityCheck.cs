using System.Globalization;
using CommsLinter.Catalog;
using CommsLinter.Diagnostics;
using CommsLinter.Model;
using CommsLinter.Pipeline;
using CommsLinter.Rules.Style;
using CommsLinter.Text;

namespace CommsLinter.Rules.Builtin;

/// <summary>
/// The templates of one touchpoint and channel in different locales are one message in several
/// languages: they must agree on their placeholders, their numbers (days, amounts, percentages, quantities with a
/// unit such as hours, months or kg) and dates, their
/// URLs, e-mail addresses and phone numbers, and how many links and images they have. A value is
/// reported on the template that differs from the majority of its locales (on a tie, from the
/// catalog's source locale), naming the others. What the catalog declares <c>localized</c> for a
/// touchpoint is not compared. Docs: docs/rules/parity.*.md.
/// </summary>
public sealed class LocaleParityCheck : IGroupedCorpusCheck, IBuiltinCheck
{
    public static readonly RuleDescriptor PlaceholderParity = new("parity.placeholders", "Locales of a message use different placeholders", Severity.Warning);
    public static readonly RuleDescriptor NumberParity = new("parity.numbers", "Locales of a message state different numbers", Severity.Warning);
    public static readonly RuleDescriptor ContactParity = new("parity.contacts", "Locales of a message give different URLs, e-mail addresses or phone numbers", Severity.Warning);
    public static readonly RuleDescriptor MediaParity = new("parity.media", "Locales of a message have different numbers of links or images", Severity.Warning);

    private static readonly (string Aspect, FactKind Kind, string Unit)[] TextAspects =
    [
        (ParityAspects.Days, FactKind.Days, "days"),
        (ParityAspects.Money, FactKind.Money, "amount"),
        (ParityAspects.Percent, FactKind.Percent, "%"),
        (ParityAspects.Emails, FactKind.Email, "e-mail"),
        (ParityAspects.Phones, FactKind.Phone, "phone"),
        (ParityAspects.Urls, FactKind.Url, "URL"),
    ];

    private const string Name = "parity";

    public string Id => Name;

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [PlaceholderParity, NumberParity, ContactParity, MediaParity];

    public IReadOnlyList<RuleDescriptor> Rules => Descriptors;

    public void Observe(Document document, CheckContext context, ICollection<Observation> observations)
    {
        if (IsMessage(document.Kind, document.Touchpoint, document.Channel, document.Locale))
        {
            // Sorted by aspect and key (equal keys in source order), so that members compare without building sets.
            var values = new List<Observation>();
            Extract(document, context.Catalog, values);
            var order = new int[values.Count];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) =>
            {
                var c = string.CompareOrdinal(values[a].Kind, values[b].Kind);
                c = c != 0 ? c : string.CompareOrdinal(values[a].Key, values[b].Key);
                return c != 0 ? c : a.CompareTo(b);
            });
            var sorted = order.Select(i => values[i]).ToList();

            // First one digest of every aspect, then one per aspect, each known by its aspect's name: versions that
            // agree are told apart by these alone (most messages by the first), so the values themselves are read only
            // where they differ.
            var digests = ParityAspects.All.Select(aspect => Digest(DistinctKeys(sorted, aspect))).ToList();
            observations.Add(new Observation(DigestKind, AllAspects, Digest(digests), Location.FileStart));
            for (var i = 0; i < digests.Count; i++)
            {
                observations.Add(new Observation(DigestKind, ParityAspects.All[i], digests[i], Location.FileStart));
            }

            foreach (var value in sorted)
            {
                observations.Add(value);
            }
        }
    }

    public string? GroupOf(DocumentSummary document, CheckContext context) =>
        IsMessage(document.Kind, document.Touchpoint, document.Channel, document.Locale) ? $"{document.Touchpoint}\0{document.Channel}" : null;

    public void CheckGroup(string group, IReadOnlyList<DocumentSummary> members, CheckContext context, ICollection<Finding> findings) =>
        Compare(members, context, findings);

    /// <param name="versions">The templates of one touchpoint and channel, in path order.</param>
    private static void Compare(IReadOnlyList<DocumentSummary> versions, CheckContext context, ICollection<Finding> findings)
    {
        // One member per locale: its HTML or Markdown template when it has one, else its plain-text one. Two more of
        // one locale are a duplicate (catalog.duplicate-template), not a translation; a plain-text part is compared
        // with its HTML part below.
        var members = new List<Member>(versions.Count);
        var memberOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var plainParts = new Dictionary<string, Member>(StringComparer.Ordinal);
        foreach (var version in versions)
        {
            var member = new Member(version, version.ObservationsOf(Name));
            if (!memberOf.TryGetValue(version.Locale!, out var at))
            {
                memberOf[version.Locale!] = members.Count;
                members.Add(member);
            }
            else if (members[at].Document.IsPlainTextPart != version.IsPlainTextPart && !plainParts.ContainsKey(version.Locale!))
            {
                plainParts[version.Locale!] = version.IsPlainTextPart ? member : members[at];
                members[at] = version.IsPlainTextPart ? members[at] : member;
            }
        }

        foreach (var (locale, plain) in plainParts)
        {
            CompareParts(members[memberOf[locale]], plain, findings);
        }

        // Versions that agree on every aspect, the usual case, are told apart by one digest.
        if (members.Count < 2 || (members[0].DigestOf(AllAspects) is { } all && members.TrueForAll(m => m.DigestOf(AllAspects) == all)))
        {
            return;
        }

        var localized = context.Catalog?.FindTouchpoint(versions[0].Touchpoint!)?.Localized ?? [];
        var source = context.Catalog?.SourceLocale;
        foreach (var aspect in ParityAspects.All.Where(a => !localized.Contains(a, StringComparer.Ordinal)))
        {
            if (members.All(m => m.DigestOf(aspect) == members[0].DigestOf(aspect)))
            {
                // Every version has the same values (or counts): the usual case, and nothing to report.
                continue;
            }

            if (aspect is ParityAspects.Links or ParityAspects.Images)
            {
                CompareCounts(aspect, members, source, findings);
            }
            else
            {
                CompareSets(aspect, members, source, findings);
            }
        }
    }

    private const string DigestKind = "digest";

    /// <summary>The digest of every aspect at once; not an aspect's name.</summary>
    private const string AllAspects = "all";

    /// <summary>The distinct keys of one aspect, in order.</summary>
    private static IEnumerable<string> DistinctKeys(List<Observation> sorted, string aspect)
    {
        string? last = null;
        foreach (var value in sorted)
        {
            if (value.Kind == aspect && value.Key != last)
            {
                yield return value.Key;
                last = value.Key;
            }
        }
    }

    /// <summary>A sequence of strings as one string: equal exactly when the sequences are.</summary>
    private static string Digest(IEnumerable<string> parts)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            // Each part with its length first, so no two sequences make the same string.
            text.Append(part.Length).Append(':').Append(part);
        }

        // Short digests are the parts themselves; longer ones the SHA-256 of their UTF-16 code units (lone surrogates kept).
        var digest = text.ToString();
        return digest.Length <= 64 ? digest : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(digest.AsSpan())));
    }

    private static bool IsMessage(DocumentKind kind, string? touchpoint, string? channel, string? locale) =>
        kind == DocumentKind.Template && touchpoint is not null && channel is not null && locale is not null;

    private static void CompareSets(string aspect, List<Member> members, string? source, ICollection<Finding> findings)
    {
        var keys = members.SelectMany(m => m.KeysOf(aspect)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var majority = keys.ToDictionary(k => k, k => InMajority(members, m => m.Has(aspect, k), source), StringComparer.Ordinal);
        var expected = keys.Where(k => majority[k] == true).ToList();
        var unexpected = keys.Where(k => majority[k] == false).ToHashSet(StringComparer.Ordinal);
        foreach (var member in members)
        {
            var extras = member.ValuesOf(aspect).Where(v => unexpected.Contains(v.Key)).DistinctBy(v => v.Key).ToList();
            var missing = expected.Where(k => !member.Has(aspect, k)).ToList();
            if (extras.Count == 0 && missing.Count == 0)
            {
                continue;
            }

            var others = members.Where(m => m != member).ToList();
            var having = others.Where(m => missing.Any(k => m.Has(aspect, k))).ToList();
            var missingText = Join(missing.Select(k => Display(members, aspect, k, source)));
            foreach (var extra in extras)
            {
                findings.Add(Descriptor(aspect).At(member.Document, extra.Location, missing.Count == 0
                    ? $"{Shown(extra)} is only in this {member.Document.Locale} version; the {Locales(others)} versions do not have it ({Representative(others, source, _ => true)}). Translations of one message must agree on {Noun(aspect)}."
                    : $"{Shown(extra)} is only in this {member.Document.Locale} version, where the {Locales(having)} versions have {missingText} ({Representative(having, source, _ => true)}). Translations of one message must agree on {Noun(aspect)}."));
            }

            if (extras.Count == 0)
            {
                findings.Add(Descriptor(aspect).At(member.Document, Location.FileStart,
                    $"This {member.Document.Locale} version lacks {missingText}, which the {Locales(having)} versions have ({Representative(having, source, _ => true)}). Translations of one message must agree on {Noun(aspect)}."));
            }
        }
    }

    /// <summary>
    /// The plain-text part of an e-mail says what its HTML part says: a placeholder, number, date, URL, e-mail
    /// address or phone number in the plain text that the HTML part lacks is reported there. The HTML part
    /// may say more (a logo's link, a banner's date), since plain-text parts are often shorter.
    /// </summary>
    private static void CompareParts(Member html, Member plain, ICollection<Finding> findings)
    {
        foreach (var aspect in ParityAspects.All.Where(a => a is not (ParityAspects.Links or ParityAspects.Images)))
        {
            if (html.DigestOf(aspect) == plain.DigestOf(aspect))
            {
                continue;
            }

            foreach (var value in plain.ValuesOf(aspect).Where(v => !html.Has(aspect, v.Key)).DistinctBy(v => v.Key))
            {
                findings.Add(Descriptor(aspect).At(plain.Document, value.Location,
                    $"{Shown(value)} is in this plain-text part but not in the HTML part '{html.Document.Path}'. The two parts of one e-mail must agree on {Noun(aspect)}."));
            }
        }
    }

    private static void CompareCounts(string aspect, List<Member> members, string? source, ICollection<Finding> findings)
    {
        int CountOf(Member m) => m.CountOf(aspect);
        var majority = members.GroupBy(CountOf).OrderByDescending(g => g.Count()).ToList();
        int expected;
        if (majority.Count < 2)
        {
            return;
        }
        else if (majority[0].Count() > majority[1].Count())
        {
            expected = majority[0].Key;
        }
        else if (members.FirstOrDefault(m => m.Document.Locale == source) is { } reference)
        {
            expected = CountOf(reference);
        }
        else
        {
            return;
        }

        foreach (var member in members.Where(m => CountOf(m) != expected))
        {
            var noun = aspect == ParityAspects.Links ? "links" : "images";
            string Counted(int count) => count == 1 ? $"1 {noun[..^1]}" : $"{count} {noun}";
            var agreeing = members.Where(m => CountOf(m) == expected).ToList();
            findings.Add(MediaParity.At(member.Document, Location.FileStart,
                $"This {member.Document.Locale} version has {Counted(CountOf(member))}; the {Locales(agreeing)} versions have {expected} ({Representative(agreeing, source, _ => true)}). Translations of one message must agree on {noun}."));
        }
    }

    /// <summary>True when most members satisfy the test, false when most do not, null on a tie without a source locale to follow.</summary>
    private static bool? InMajority(List<Member> members, Func<Member, bool> test, string? source)
    {
        var yes = members.Count(test);
        var no = members.Count - yes;
        if (yes != no)
        {
            return yes > no;
        }

        return members.FirstOrDefault(m => m.Document.Locale == source) is { } reference ? test(reference) : null;
    }

    private static void Extract(Document document, JourneyCatalog? catalog, List<Observation> values)
    {
        var source = document.Source;
        var isHtml = document.Format == ContentFormat.Html;
        foreach (var placeholder in document.Placeholders)
        {
            if (placeholder.Kind != PlaceholderKind.Output || placeholder.Expression is not { Length: > 0 } variable)
            {
                continue;
            }

            // What the customer sees is compared as placeholders; an address is a URL; a colour in a style attribute is nothing to compare.
            switch (isHtml ? MarkupContext.Of(source.Text, placeholder.Range.Start) : MarkupPlace.Text)
            {
                case MarkupPlace.Text:
                    values.Add(new Observation(ParityAspects.Placeholders, variable, variable, source.GetLocation(placeholder.Range)));
                    break;
                case MarkupPlace.Address:
                    values.Add(new Observation(ParityAspects.Urls, $"{{{{ {variable} }}}}", $"{{{{ {variable} }}}}", source.GetLocation(placeholder.Range)));
                    break;
            }
        }

        foreach (var segment in document.Segments)
        {
            foreach (var (aspect, kind, unit) in TextAspects)
            {
                foreach (var (start, text) in ConsistentRule.ValuesIn(kind, segment.Text))
                {
                    var range = segment.Map.ToSource(start, start + text.Length);
                    values.Add(new Observation(aspect, Key(kind, text, catalog), kind is FactKind.Days or FactKind.Money or FactKind.Percent ? $"{text} ({unit})" : text, source.GetLocation(range)));
                }
            }

            foreach (var (start, text, key) in DateValues.In(segment.Text))
            {
                values.Add(new Observation(ParityAspects.Dates, key, $"{text} (date)", source.GetLocation(segment.Map.ToSource(start, start + text.Length))));
            }

            foreach (var (start, text, key) in QuantityValues.In(segment.Text))
            {
                var number = text[..text.IndexOf(" (", StringComparison.Ordinal)];
                values.Add(new Observation(ParityAspects.Quantities, key, text, source.GetLocation(segment.Map.ToSource(start, start + number.Length))));
            }
        }

        foreach (var link in document.Links)
        {
            var (aspect, kind, target) = link.Url switch
            {
                var u when u.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) => (ParityAspects.Emails, FactKind.Email, u[7..].Split('?')[0]),
                var u when u.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) => (ParityAspects.Phones, FactKind.Phone, u[4..]),
                var u when u.StartsWith("http", StringComparison.OrdinalIgnoreCase) => (ParityAspects.Urls, FactKind.Url, u),
                _ => (string.Empty, FactKind.Text, string.Empty),
            };
            if (aspect.Length > 0)
            {
                values.Add(new Observation(aspect, Key(kind, target, catalog), target, source.GetLocation(link.UrlRange)));
            }
        }

        values.Add(new Observation(ParityAspects.Links, document.Links.Count.ToString(CultureInfo.InvariantCulture), string.Empty, Location.FileStart));
        values.Add(new Observation(ParityAspects.Images, document.Images.Count.ToString(CultureInfo.InvariantCulture), string.Empty, Location.FileStart));
    }

    /// <summary>A value as compared: normalised, with a path segment naming a locale (/pl/, /it/) standing for any locale.</summary>
    private static string Key(FactKind kind, string text, JourneyCatalog? catalog)
    {
        var normalized = Fact.Normalize(kind, text);
        if (kind != FactKind.Url || catalog is null)
        {
            return normalized;
        }

        var parts = normalized.Split('/');
        for (var i = 3; i < parts.Length; i++)
        {
            if (catalog.HasLocale(parts[i]))
            {
                parts[i] = "{locale}";
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>How a value is written, in the source locale's version when it has it.</summary>
    private static string Display(List<Member> members, string aspect, string key, string? source) =>
        Shown(members.OrderBy(m => m.Document.Locale == source ? 0 : 1).SelectMany(m => m.ValuesOf(aspect)).First(v => v.Key == key));

    /// <summary>A value as a message shows it: a placeholder in its braces, as it is written.</summary>
    private static string Shown(Observation value) => value.Kind == ParityAspects.Placeholders ? $"{{{{ {value.Text} }}}}" : value.Text;

    private static string Representative(List<Member> members, string? source, Func<Member, bool> test)
    {
        var candidates = members.Where(test).ToList();
        return (candidates.FirstOrDefault(m => m.Document.Locale == source) ?? candidates.FirstOrDefault() ?? members[0]).Document.Path;
    }

    private static string Locales(IEnumerable<Member> members) => Join(members.Select(m => m.Document.Locale!));

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}";
    }

    private static string Noun(string aspect) => aspect switch
    {
        ParityAspects.Placeholders => "placeholders",
        ParityAspects.Days or ParityAspects.Money or ParityAspects.Percent or ParityAspects.Quantities => "numbers",
        ParityAspects.Dates => "dates",
        _ => "URLs, e-mail addresses and phone numbers",
    };

    private static RuleDescriptor Descriptor(string aspect) => aspect switch
    {
        ParityAspects.Placeholders => PlaceholderParity,
        ParityAspects.Days or ParityAspects.Money or ParityAspects.Percent or ParityAspects.Dates or ParityAspects.Quantities => NumberParity,
        ParityAspects.Links or ParityAspects.Images => MediaParity,
        _ => ContactParity,
    };

    /// <summary>One locale's version of a message, with its values sorted by aspect and key.</summary>
    private sealed class Member(DocumentSummary document, IReadOnlyList<Observation> values)
    {
        public DocumentSummary Document => document;

        /// <summary>The aspect's digest, from the leading digests, without reading the values after them.</summary>
        public string? DigestOf(string aspect)
        {
            for (var i = 0; i < values.Count && values[i].Kind == DigestKind; i++)
            {
                if (values[i].Key == aspect)
                {
                    return values[i].Text;
                }
            }

            return null;
        }

        public IEnumerable<Observation> ValuesOf(string aspect)
        {
            var (start, end) = Range(aspect);
            for (var i = start; i < end; i++)
            {
                yield return values[i];
            }
        }

        /// <summary>The distinct keys of an aspect, in order.</summary>
        public IEnumerable<string> KeysOf(string aspect)
        {
            var (start, end) = Range(aspect);
            for (var i = start; i < end; i++)
            {
                if (i == start || values[i].Key != values[i - 1].Key)
                {
                    yield return values[i].Key;
                }
            }
        }

        public bool Has(string aspect, string key)
        {
            var (start, end) = Range(aspect);
            for (var i = start; i < end; i++)
            {
                if (values[i].Key == key)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A counted aspect (links, images).</summary>
        public int CountOf(string aspect) => KeysOf(aspect).FirstOrDefault() is { } count ? int.Parse(count, CultureInfo.InvariantCulture) : 0;

        private (int Start, int End) Range(string aspect)
        {
            var start = 0;
            while (start < values.Count && values[start].Kind != aspect)
            {
                start++;
            }

            var end = start;
            while (end < values.Count && values[end].Kind == aspect)
            {
                end++;
            }

            return (start, end);
        }
    }
}
