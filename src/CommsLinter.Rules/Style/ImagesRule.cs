using CommsLinter.Model;
using CommsLinter.Pipeline;

namespace CommsLinter.Rules.Style;

/// <summary>
/// <c>images alt [required]</c>: every image has an alt attribute (alt="" marks a decorative image and
/// passes), and alt text is not a file name ("IMG_0042.jpg", "hero-banner.png"). With <c>required</c>,
/// an empty alt fails too: where decorative images are allowed, the guide says so with a second rule
/// without it, scoped by <c>when</c>. Message values: {match} (the image source or the alt text).
/// Docs: docs/rules/style/images.md.
/// </summary>
public sealed class ImagesRule(StyleRuleHeader header, bool textRequired = false) : StyleRule(header)
{
    public static StyleRuleKind Kind { get; } = new("images", "Reports images without alt text or with a file name as alt text.", Parse);

    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp"];

    private static BindRule Parse(RuleBodyParser body)
    {
        body.OneOf(["alt"], "'alt'", "images check", "'alt'");
        var required = body.Accept("required");
        return binder => new ImagesRule(binder.Header, required);
    }

    public override string Describe() => textRequired
        ? "Requires alt text on every image, never empty and never a file name."
        : "Requires alt text on every image (empty for decorative ones), never a file name.";

    protected override void Evaluate(Document document, CheckContext context, RuleOutput output, PatternMatcher matches)
    {
        foreach (var image in document.Images)
        {
            if (image.Alt is null || (textRequired && image.Alt.Trim().Length == 0))
            {
                output.Report(image.SourceRange, new MessageValues(Match: image.Source));
            }
            else if (LooksLikeFileName(image.Alt.Trim()))
            {
                output.Report(image.AltRange, new MessageValues(Match: image.Alt));
            }
        }
    }

    private static bool LooksLikeFileName(string alt) =>
        !alt.Contains(' ', StringComparison.Ordinal) && ImageExtensions.Any(e => alt.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
