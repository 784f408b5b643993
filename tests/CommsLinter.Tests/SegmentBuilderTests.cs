using CommsLinter.Model;
using CommsLinter.Tests.Support;
using CommsLinter.Text;

namespace CommsLinter.Tests;

/// <summary>
/// SegmentBuilder copies runs of words whole; these hold it to the plain definition of a segment:
/// white space folded to one space (none at either end), each Liquid construct one mask character,
/// every character mapped to where it came from, however the readers cut the source into pieces.
/// </summary>
public sealed class SegmentBuilderTests
{
    [Theory]
    [InlineData("Dzień dobry, zamówienie nr {{ n }} jest gotowe.")]
    [InlineData("  leading and trailing  \t")]
    [InlineData("two  spaces,\ttab,\r\nCRLF,\fform feed,\vvertical tab")]
    [InlineData("{{a}}{{b}} {{ c }}\n\n{{d}}end")]
    [InlineData("space before {{ x }} and after{{ y }} .")]
    [InlineData("a stray \uFFFC mask, \uFFFC\uFFFC and 🎉 Спасибо")]
    [InlineData("x {{ multi\nline }} y")]
    [InlineData(" ")]
    [InlineData("\uFFFC")]
    [InlineData("{{ a }} {{ b }}")]
    public void Text_and_map_follow_the_plain_definition_wherever_the_source_is_cut(string source)
    {
        var placeholders = PlaceholdersOf(source);
        var masked = placeholders.Mask(source);
        var (expectedText, expectedSources, hasProse) = Fold(masked, placeholders);

        for (var cut = 0; cut <= source.Length; cut++)
        {
            var builder = new SegmentBuilder(masked, placeholders);
            builder.Start(SegmentScope.Paragraph);
            builder.AppendSource(0, cut);
            builder.AppendSource(cut, source.Length);
            builder.Flush();

            if (!hasProse)
            {
                Assert.Empty(builder.Segments);
                continue;
            }

            var segment = Assert.Single(builder.Segments);
            Assert.Equal(expectedText, segment.Text);
            for (var i = 0; i < expectedText.Length; i++)
            {
                Assert.Equal(expectedSources[i], segment.Map.ToSource(i, i + 1));
            }
        }
    }

    [Fact]
    public void A_line_break_inside_a_liquid_comment_is_no_space_in_an_sms()
    {
        var document = TestContent.Document("---\ntouchpoint: delivery-notice\nchannel: sms\nlocale: pl\n---\nKurier {{ order.courier }}{% comment %} DPD or InPost,\nsee the sample {% endcomment %}przyjedzie jutro.", ".txt");
        Assert.Equal("Kurier \uFFFC\uFFFCprzyjedzie jutro.", Assert.Single(document.Segments).Text);
    }

    private static Placeholders PlaceholdersOf(string source)
    {
        var found = new List<Placeholder>();
        for (var open = source.IndexOf("{{", StringComparison.Ordinal); open >= 0; open = source.IndexOf("{{", open + 2, StringComparison.Ordinal))
        {
            var close = source.IndexOf("}}", open, StringComparison.Ordinal) + 2;
            found.Add(new Placeholder(new TextRange(open, close), PlaceholderKind.Output, source.AsMemory(open, close - open)));
        }

        return new Placeholders(found);
    }

    /// <summary>The reference: one character at a time.</summary>
    private static (string Text, List<TextRange> Sources, bool HasProse) Fold(string masked, Placeholders placeholders)
    {
        var hasProse = false;
        var text = new System.Text.StringBuilder();
        var sources = new List<TextRange>();
        var pendingSpace = -1;
        var i = 0;
        while (i < masked.Length)
        {
            var placeholder = placeholders.IndexAt(i);
            var isSpace = placeholder < 0 && masked[i] is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';
            if (isSpace)
            {
                pendingSpace = text.Length > 0 && pendingSpace < 0 ? i : pendingSpace;
                i++;
                continue;
            }

            if (pendingSpace >= 0)
            {
                text.Append(' ');
                sources.Add(new TextRange(pendingSpace, pendingSpace + 1));
                pendingSpace = -1;
            }

            if (placeholder >= 0)
            {
                text.Append(Placeholders.MaskChar);
                sources.Add(placeholders[placeholder].Range);
                i = placeholders[placeholder].Range.End;
            }
            else
            {
                text.Append(masked[i]);
                sources.Add(new TextRange(i, i + 1));
                hasProse = true;
                i++;
            }
        }

        return (text.ToString(), sources, hasProse);
    }
}
