namespace CommsLinter.Rules.Builtin;

/// <summary>Where in an HTML template a Liquid output stands: what the customer reads, an address, or presentation.</summary>
public enum MarkupPlace
{
    Text,
    Address,
    Presentation,
}

/// <summary>
/// Tells, from the source around it, whether an HTML template's placeholder is text the customer reads,
/// part of an address (href, src) or presentation nobody reads (style, class, id, other attributes,
/// a style element). Looks back at most <see cref="Reach"/> characters, so a template of many
/// placeholders costs a bounded amount for each.
/// </summary>
public static class MarkupContext
{
    private const int Reach = 4096;

    private static readonly HashSet<string> ReadAttributes = new(StringComparer.OrdinalIgnoreCase) { "alt", "title", "aria-label", "placeholder", "value", "content" };

    private static readonly HashSet<string> AddressAttributes = new(StringComparer.OrdinalIgnoreCase) { "href", "src", "action", "background", "poster" };

    public static MarkupPlace Of(string html, int position)
    {
        var from = Math.Max(0, position - Reach);
        var before = html.AsSpan(from, position - from);
        var tagOpen = before.LastIndexOf('<');
        var tagClose = before.LastIndexOf('>');
        if (tagOpen > tagClose)
        {
            return AttributePlace(before[tagOpen..]);
        }

        // Between tags: text, unless the last tag opened a style element.
        var lastTag = before.LastIndexOf('<');
        return lastTag >= 0 && before[(lastTag + 1)..].StartsWith("style", StringComparison.OrdinalIgnoreCase) ? MarkupPlace.Presentation : MarkupPlace.Text;
    }

    /// <summary>The place of a value inside a tag, from the tag's text up to it: the attribute it is the value of.</summary>
    private static MarkupPlace AttributePlace(ReadOnlySpan<char> tag)
    {
        var equals = tag.LastIndexOf('=');
        if (equals < 0)
        {
            return MarkupPlace.Presentation;
        }

        var name = tag[..equals].TrimEnd();
        var start = name.Length;
        while (start > 0 && (char.IsAsciiLetterOrDigit(name[start - 1]) || name[start - 1] is '-' or '_' or ':'))
        {
            start--;
        }

        var attribute = name[start..].ToString();
        return AddressAttributes.Contains(attribute) ? MarkupPlace.Address
            : ReadAttributes.Contains(attribute) ? MarkupPlace.Text
            : MarkupPlace.Presentation;
    }
}
