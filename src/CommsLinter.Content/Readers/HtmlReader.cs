using System.Runtime.InteropServices;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;
using CommsLinter.Model;
using CommsLinter.Text;
using TextRange = CommsLinter.Text.TextRange;

namespace CommsLinter.Content.Readers;

/// <summary>
/// HTML e-mail and web copy, read with AngleSharp's tokenizer. Working on tokens rather than a DOM
/// keeps every character's offset (entities are decoded here, with their source ranges) and makes
/// depth irrelevant: nesting is tracked on a bounded stack, never by recursion.
/// </summary>
internal sealed class HtmlReader : IContentReader
{
    public const int MaxDepth = 4096;

    /// <summary>How deep the open elements go before the reader counts them by name rather than search them.</summary>
    private const int CountedDepth = 64;

    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "button", "caption", "center", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "head", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    };

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private static readonly HashSet<string> SkippedElements = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "noscript", "iframe", "object", "svg", "math", "xmp", "noembed", "noframes",
    };

    public void Read(ReaderInput input, ReaderOutput output) => new Walker(input, output).Run();

    [Flags]
    private enum Role
    {
        None = 0,
        Skip = 1,
        Title = 2,
        Preheader = 4,
        Button = 8,
        Footer = 16,
        Heading = 32,
        ListItem = 64,
        Quote = 128,
        TableHeader = 256,
    }

    private readonly record struct OpenElement(string Name, Role Roles);

    private readonly record struct PendingImage(string Source, TextRange SourceRange, string? Alt, TextRange AltRange);

    private sealed class Walker(ReaderInput input, ReaderOutput output)
    {
        private readonly string _text = input.ParseText;
        private readonly SegmentBuilder _builder = input.Segments;
        private readonly List<OpenElement> _stack = [];
        // How many elements of each name are open, counted once the stack is deep enough that searching it costs:
        // an end tag that closes nothing is then known at once, not searched for through thousands of open elements.
        private Dictionary<string, int>? _openByName;
        private readonly int[] _roleDepth = new int[System.Numerics.BitOperations.Log2((uint)Role.TableHeader) + 1];
        private readonly List<PendingImage> _images = [];
        // Where the last token ended: a file that ends inside a tag is reported there, or at the body's start.
        private TextRange _tokenRange = new(input.BodyStart, input.BodyStart);
        private LinkInProgress? _link;
        private bool _reportedDepth;
        private bool _seenProse;
        private bool _foundHiddenPreheader;
        private bool _reportedSyntax;

        public void Run()
        {
            // Tokenizing starts at the body: a '<' in the front matter must not open a tag. Tokens are read
            // as structs over a read-only source; text is skipped and no lines or columns are tracked (a
            // token's offsets are all a segment needs); only the attributes read here are kept. Nothing is
            // allocated per token or per character.
            using var tokenizer = new HtmlTokenizer(new TextSource(new StringTextSource(_text)) { Index = input.BodyStart }, HtmlEntityProvider.Resolver)
            {
                IsNotConsumingCharacterReferences = true,
                DisableElementPositionTracking = true,
                SkipDataText = true,
                SkipRCDataText = true,
                SkipRawText = true,
                SkipScriptText = true,
                SkipPlaintext = true,
                ShouldEmitAttribute = static (ref _, name) => name.Span is "class" or "id" or "href" or "src" or "alt" or "style",
            };
            tokenizer.Error += (_, e) =>
            {
                if (e.Code == (int)HtmlParseError.EOF)
                {
                    ReportSyntax(new TextRange(_tokenRange.End, _tokenRange.End),
                        "The HTML ends inside an unfinished tag, attribute or comment. Close it (with '>', a closing quote or '-->').");
                }
            };

            _builder.Start(SegmentScope.Paragraph);
            while (true)
            {
                ref var token = ref tokenizer.GetStructToken();
                if (token.Type == HtmlTokenType.EndOfFile)
                {
                    break;
                }

                // The tokenizer stands on the token's last character, or one past the end of the text when
                // the file ends inside the token (an unclosed comment).
                var end = Math.Min(_text.Length, tokenizer.GetCurrentPosition().Index + 1);
                var range = _tokenRange = new TextRange(Math.Min(token.Position.Index, end), end);
                switch (token.Type)
                {
                    case HtmlTokenType.StartTag:
                        OnStartTag(ref token, range, tokenizer);
                        break;
                    case HtmlTokenType.EndTag:
                        OnEndTag(token.Name.ToString(), range);
                        break;
                    case HtmlTokenType.Character when !Has(Role.Skip):
                        _seenProse |= !Has(Role.Title) && !_text.AsSpan(range.Start, range.Length).IsWhiteSpace();
                        AppendText(range);
                        break;
                    case HtmlTokenType.Comment when Suppression.Parse(token.Data.ToString(), range) is { } suppression:
                        output.Suppressions.Add(suppression);
                        break;
                }
            }

            FinishLink(_text.Length);
            _builder.Flush();
            foreach (var image in _images)
            {
                output.Images.Add(new Image(image.Source, image.SourceRange, image.Alt, image.AltRange));
                if (image.Alt is not null)
                {
                    _builder.Start(SegmentScope.AltText);
                    AppendText(image.AltRange);
                }
            }

            _builder.Flush();
        }

        private void OnStartTag(ref StructHtmlToken tag, TextRange range, HtmlTokenizer tokenizer)
        {
            // Well-known tag names are shared strings; only an unknown tag's name is allocated.
            var name = tag.Name.ToString();
            var attributes = tag.Attributes;
            switch (name)
            {
                case "script":
                    tokenizer.State = HtmlParseMode.Script;
                    break;
                case "style" or "xmp" or "iframe" or "noembed" or "noframes":
                    tokenizer.State = HtmlParseMode.Rawtext;
                    break;
                case "title" or "textarea":
                    tokenizer.State = HtmlParseMode.RCData;
                    break;
                case "plaintext":
                    tokenizer.State = HtmlParseMode.Plaintext;
                    break;
            }

            if (name == "img")
            {
                OnImage(attributes, range);
                _builder.AppendSpace(range.Start);
                return;
            }

            if (name == "br" || name == "hr")
            {
                _builder.AppendSpace(range.Start);
                if (name == "hr")
                {
                    _builder.Start(CurrentScope());
                }

                return;
            }

            // As in browsers, a slash does not close an element whose content the tokenizer now reads raw
            // (<script/>, <style/>): its content is still skipped.
            if (VoidElements.Contains(name) || (tag.IsSelfClosing && tokenizer.State == HtmlParseMode.PCData))
            {
                return;
            }

            var roles = RolesOf(name, attributes);
            if (!_seenProse && !_foundHiddenPreheader && name is not ("head" or "title" or "html" or "body") && IsHidden(attributes, range))
            {
                // The usual hidden preheader: an element no one sees, before any prose, that inboxes show after the subject.
                roles |= Role.Preheader;
                _foundHiddenPreheader = true;
            }

            if (_stack.Count >= MaxDepth)
            {
                if (!_reportedDepth)
                {
                    _reportedDepth = true;
                    output.Findings.Add(ContentRules.HtmlTooDeep.At(input.Source, range,
                        $"HTML elements are nested more than {MaxDepth} levels deep here; deeper structure is read as flat text. E-mail clients give up far earlier: flatten the markup."));
                }

                return;
            }

            _stack.Add(new OpenElement(name, roles));
            CountOpen(name, +1);
            AddRoles(roles, +1);
            if (StartsSegment(name, roles))
            {
                _builder.Start(CurrentScope());
            }

            if (name == "a" && Attribute(attributes, range, "href") is { } href)
            {
                FinishLink(range.Start);
                _link = new LinkInProgress(HtmlEntities.Decode(input.Source.Text, href), href, CurrentScope());
            }
        }

        private void OnEndTag(string name, TextRange range)
        {
            if (name == "a")
            {
                FinishLink(range.Start);
            }

            var index = _openByName?.GetValueOrDefault(name) == 0 ? -1 : _stack.Count - 1;
            while (index >= 0 && _stack[index].Name != name)
            {
                index--;
            }

            if (index < 0)
            {
                if (!_reportedDepth && !VoidElements.Contains(name) && name is not ("html" or "head" or "body" or "p"))
                {
                    ReportSyntax(range, $"'</{name}>' closes an element that is not open. Remove it or add the matching '<{name}>'.");
                }

                return;
            }

            var isBlock = false;
            for (var i = _stack.Count - 1; i >= index; i--)
            {
                var element = _stack[i];
                isBlock |= StartsSegment(element.Name, element.Roles);
                AddRoles(element.Roles, -1);
                CountOpen(element.Name, -1);
                _stack.RemoveAt(i);
            }

            if (isBlock)
            {
                _builder.Start(CurrentScope());
            }
        }

        /// <summary>Counts an element opened (+1) or closed (-1), once the stack has passed <see cref="CountedDepth"/>: then all that is open is counted at once.</summary>
        private void CountOpen(string name, int delta)
        {
            if (_openByName is null)
            {
                if (_stack.Count <= CountedDepth)
                {
                    return;
                }

                _openByName = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var element in _stack)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(_openByName, element.Name, out _)++;
                }

                return;
            }

            CollectionsMarshal.GetValueRefOrAddDefault(_openByName, name, out _) += delta;
        }

        private void OnImage(StructAttributes attributes, TextRange range)
        {
            var src = Attribute(attributes, range, "src");
            var alt = Attribute(attributes, range, "alt");
            _images.Add(new PendingImage(
                src is { } s ? HtmlEntities.Decode(input.Source.Text, s) : string.Empty,
                src ?? new TextRange(range.Start, range.Start),
                alt is { } a ? HtmlEntities.Decode(input.Source.Text, a) : null,
                alt ?? new TextRange(range.Start, range.Start)));
        }

        private void AppendText(TextRange range)
        {
            var i = range.Start;
            var runStart = range.Start;
            while (i < range.End)
            {
                var amp = _text.AsSpan(i, range.End - i).IndexOf('&');
                if (amp < 0)
                {
                    break;
                }

                amp += i;
                if (HtmlEntities.TryDecode(_text, amp, range.End, out var decoded, out var next))
                {
                    _builder.AppendSource(runStart, amp);
                    _builder.AppendDecoded(decoded, amp, next);
                    runStart = i = next;
                }
                else
                {
                    i = amp + 1;
                }
            }

            _builder.AppendSource(runStart, range.End);
            _link?.Extend(range, _text);
        }

        private void FinishLink(int end)
        {
            if (_link is { } link)
            {
                output.Links.Add(link.Build(input.Source.Text, end));
                _link = null;
            }
        }

        private static Role RolesOf(string name, StructAttributes attributes)
        {
            var roles = name switch
            {
                "title" => Role.Title,
                "button" => Role.Button,
                "footer" => Role.Footer,
                "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => Role.Heading,
                "li" => Role.ListItem,
                "blockquote" => Role.Quote,
                // A header cell is a table cell; a data cell is not, since e-mails lay out all their prose in tables.
                "th" => Role.TableHeader,
                _ when SkippedElements.Contains(name) => Role.Skip,
                _ => Role.None,
            };

            for (var i = 0; i < attributes.Count; i++)
            {
                var attribute = attributes[i];
                if (attribute.Name.Memory.Span is not ("class" or "id"))
                {
                    continue;
                }

                var value = attribute.Value.Memory.Span;
                if (value.Contains("preheader", StringComparison.OrdinalIgnoreCase))
                {
                    roles |= Role.Preheader;
                }

                if (value.Contains("footer", StringComparison.OrdinalIgnoreCase))
                {
                    roles |= Role.Footer;
                }

                if (name == "a" && (value.Contains("button", StringComparison.OrdinalIgnoreCase) || value.Contains("btn", StringComparison.OrdinalIgnoreCase)))
                {
                    roles |= Role.Button;
                }
            }

            return roles;
        }

        // An inline element that changes the scope (a preheader span, a button link) is a segment of its own.
        private static bool StartsSegment(string name, Role roles) => BlockElements.Contains(name) || (roles & ~Role.Skip) != Role.None;

        private SegmentScope CurrentScope() =>
            Has(Role.Preheader) ? SegmentScope.Preheader
            : Has(Role.Title) ? SegmentScope.Title
            : Has(Role.Button) ? SegmentScope.Button
            : Has(Role.Footer) ? SegmentScope.Footer
            : Has(Role.Heading) ? SegmentScope.Heading
            : Has(Role.ListItem) ? SegmentScope.ListItem
            : Has(Role.Quote) ? SegmentScope.Quote
            : Has(Role.TableHeader) ? SegmentScope.TableCell
            : SegmentScope.Paragraph;

        private bool Has(Role role) => _roleDepth[System.Numerics.BitOperations.Log2((uint)role)] > 0;

        private void AddRoles(Role roles, int delta)
        {
            for (var bit = 0; bit < _roleDepth.Length; bit++)
            {
                if (((int)roles & (1 << bit)) != 0)
                {
                    _roleDepth[bit] += delta;
                }
            }
        }

        private void ReportSyntax(TextRange range, string message)
        {
            if (_reportedSyntax)
            {
                return;
            }

            _reportedSyntax = true;
            output.Findings.Add(ContentRules.HtmlSyntax.At(input.Source, range, message));
        }

        /// <summary>The source range of an attribute's value inside a start tag, found from the attribute's own position.</summary>
        /// <summary>Whether the element's style hides it: display:none, however it is spaced or cased.</summary>
        private bool IsHidden(StructAttributes attributes, TextRange tagRange)
        {
            if (Attribute(attributes, tagRange, "style") is not { } style)
            {
                return false;
            }

            Span<char> compact = stackalloc char[Math.Min(style.Length, 512)];
            var length = 0;
            foreach (var c in _text.AsSpan(style.Start, Math.Min(style.Length, compact.Length)))
            {
                if (!char.IsWhiteSpace(c))
                {
                    compact[length++] = char.ToLowerInvariant(c);
                }
            }

            return compact[..length].Contains("display:none", StringComparison.Ordinal);
        }

        private TextRange? Attribute(StructAttributes attributes, TextRange tagRange, string name)
        {
            for (var a = 0; a < attributes.Count; a++)
            {
                var attribute = attributes[a];
                if (!attribute.Name.Memory.Span.SequenceEqual(name))
                {
                    continue;
                }

                var i = attribute.Position.Index;
                var end = tagRange.End;
                while (i < end && !char.IsWhiteSpace(_text[i]) && _text[i] is not ('=' or '>' or '/'))
                {
                    i++;
                }

                while (i < end && char.IsWhiteSpace(_text[i]))
                {
                    i++;
                }

                if (i >= end || _text[i] != '=')
                {
                    return new TextRange(i, i);
                }

                i++;
                while (i < end && char.IsWhiteSpace(_text[i]))
                {
                    i++;
                }

                if (i < end && _text[i] is '"' or '\'')
                {
                    var close = _text.AsSpan(i + 1, end - i - 1).IndexOf(_text[i]);
                    return close < 0 ? new TextRange(i + 1, end) : new TextRange(i + 1, i + 1 + close);
                }

                var start = i;
                while (i < end && !char.IsWhiteSpace(_text[i]) && _text[i] != '>')
                {
                    i++;
                }

                return new TextRange(start, i);
            }

            return null;
        }
    }

    private sealed class LinkInProgress(string url, TextRange urlRange, SegmentScope scope)
    {
        private int _textStart = -1;
        private int _textEnd = -1;

        public void Extend(TextRange range, string text)
        {
            if (text.AsSpan(range.Start, range.Length).IsWhiteSpace())
            {
                return;
            }

            if (_textStart < 0)
            {
                _textStart = range.Start;
            }

            _textEnd = range.End;
        }

        public Link Build(string source, int fallback)
        {
            var range = _textStart < 0 ? new TextRange(fallback, fallback) : new TextRange(_textStart, _textEnd);
            var text = string.Join(' ', HtmlEntities.Decode(source, range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return new Link(url, urlRange, text, range, scope);
        }
    }
}
