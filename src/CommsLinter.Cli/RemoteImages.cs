using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace CommsLinter.Cli;

/// <summary>
/// The images a rendered message loads from the network, found with AngleSharp's tokenizer (no tree is
/// built, so nesting depth costs nothing): <c>src</c> and <c>srcset</c> of images and picture sources, image
/// inputs and SVG images, video posters, the <c>background</c> attribute of e-mail tables, and <c>url()</c> in
/// style attributes and style elements (not in <c>@font-face</c> or <c>@import</c>, which load no image).
/// The preview's policy decides which of them it blocks; this only says what is there.
/// </summary>
internal static class RemoteImages
{
    /// <summary>What a relative or protocol-relative address resolves against in a preview: the page's own file.</summary>
    private static readonly Uri PreviewBase = new("file:///preview/");

    public static IReadOnlyList<Uri> In(string html)
    {
        var found = new List<Uri>();
        using var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        var inStyle = false;
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            if (token is HtmlTagToken { Type: HtmlTokenType.StartTag } tag)
            {
                // Text in these elements is not markup; a '<img' inside them is no image.
                tokenizer.State = tag.Name switch
                {
                    "script" => HtmlParseMode.Script,
                    "style" or "xmp" or "iframe" or "noembed" or "noframes" => HtmlParseMode.Rawtext,
                    "title" or "textarea" => HtmlParseMode.RCData,
                    "plaintext" => HtmlParseMode.Plaintext,
                    _ => tokenizer.State,
                };
                inStyle = tag.Name == "style";
                foreach (var attribute in tag.Attributes)
                {
                    Attribute(tag, attribute.Name, attribute.Value, found);
                }
            }
            else if (token.Type == HtmlTokenType.Character && inStyle)
            {
                Css(token.Data, found);
            }
            else if (token.Type == HtmlTokenType.EndTag)
            {
                inStyle = false;
            }
        }

        return found;
    }

    private static void Attribute(HtmlTagToken tag, string name, string value, List<Uri> found)
    {
        switch (name)
        {
            case "src" when tag.Name is "img" or "image" || (tag.Name == "input" && tag.GetAttribute("type").Equals("image", StringComparison.OrdinalIgnoreCase)):
            case "href" or "xlink:href" when tag.Name == "image":
            case "poster" when tag.Name == "video":
            case "background":
                Add(value, found);
                break;
            case "srcset" when tag.Name is "img" or "source":
                foreach (var candidate in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    Add(candidate.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty, found);
                }

                break;
            case "style":
                Css(value, found);
                break;
        }
    }

    /// <summary>The addresses in <c>url(...)</c>, leaving out comments, <c>@import</c> rules and <c>@font-face</c> blocks.</summary>
    private static void Css(string css, List<Uri> found)
    {
        var i = 0;
        while (i < css.Length)
        {
            var rest = css.AsSpan(i);
            if (rest.StartsWith("/*", StringComparison.Ordinal))
            {
                i = SkipPast(css, i + 2, "*/");
            }
            else if (rest.StartsWith("@import", StringComparison.OrdinalIgnoreCase))
            {
                i = SkipPast(css, i, ";");
            }
            else if (rest.StartsWith("@font-face", StringComparison.OrdinalIgnoreCase))
            {
                i = SkipPast(css, i, "}");
            }
            else if (rest.StartsWith("url(", StringComparison.OrdinalIgnoreCase))
            {
                var end = css.IndexOf(')', i);
                end = end < 0 ? css.Length : end;
                Add(css[(i + 4)..end].Trim().Trim('"', '\'').Trim(), found);
                i = end;
            }
            else
            {
                i++;
            }
        }
    }

    private static int SkipPast(string text, int from, string end) =>
        text.IndexOf(end, from, StringComparison.Ordinal) is var at and >= 0 ? at + end.Length : text.Length;

    /// <summary>An address that leaves the machine: http or https, or protocol-relative (which a preview from disk resolves to a file share).</summary>
    private static void Add(string address, List<Uri> found)
    {
        if (Uri.TryCreate(PreviewBase, address.Trim(), out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || (uri.IsFile && !string.IsNullOrEmpty(uri.Host))))
        {
            found.Add(uri);
        }
    }
}
