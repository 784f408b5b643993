using System.Security.Cryptography;
using System.Text;
using CommsLinter.Text;

namespace CommsLinter.Model;

/// <summary>
/// A reviewer's approval of the exact text of one template: its path from the repository root, the
/// SHA-256 of its normalised text, who approved it and when, and the text itself, so that a later
/// change can be shown as a diff. <see cref="Location"/> is where the entry is in the ledger.
/// </summary>
public sealed record Approval(string Path, string Sha256, string By, string Date, string? Note, string Text, Location Location)
{
    /// <summary>The line breaks string.ReplaceLineEndings knows, which Normalize uses.</summary>
    private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\r\n\f\u0085\u2028\u2029");

    /// <summary>
    /// The text that is approved: line endings as LF, no spaces or tabs at line ends, one final line
    /// break. Changes an editor makes on save do not undo an approval; any change a reader can see does.
    /// </summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            builder.Append(line.AsSpan().TrimEnd(" \t")).Append('\n');
        }

        var normalized = builder.ToString().TrimEnd('\n');
        return normalized.Length == 0 ? string.Empty : normalized + "\n";
    }

    /// <summary>The lowercase hexadecimal SHA-256 of the UTF-8 bytes of normalised text.</summary>
    public static string HashOf(string normalized) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));

    /// <summary>
    /// <c>HashOf(Normalize(text))</c> without building the normalised text: every template's hash is
    /// taken while it is loaded, and most are never approved.
    /// </summary>
    public static string HashOfText(string text)
    {
        // The normalised text is never longer in UTF-8 than the text itself, plus one final line break.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length) + 1);
        try
        {
            var length = 0;
            var kept = 0;
            var rest = text.AsSpan();
            while (true)
            {
                var end = rest.IndexOfAny(LineBreaks);
                var line = (end < 0 ? rest : rest[..end]).TrimEnd(" \t");
                if (!line.IsEmpty)
                {
                    length += Encoding.UTF8.GetBytes(line, buffer.AsSpan(length));
                    kept = length + 1;
                }

                // Blank lines count only when a line with text follows them; the text ends with its last such line.
                buffer[length++] = (byte)'\n';
                if (end < 0)
                {
                    break;
                }

                rest = rest[(end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1))..];
            }

            return Convert.ToHexStringLower(SHA256.HashData(buffer.AsSpan(0, kept)));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>Where a template that needs a review stands against the ledger.</summary>
public enum ReviewState
{
    /// <summary>Its current text is the approved text.</summary>
    Approved,

    /// <summary>It was approved, and its text has changed since.</summary>
    Changed,

    /// <summary>It has never been approved.</summary>
    Unapproved,
}

/// <summary>
/// A template that a team must review: which teams and why, where it stands, its last approval, and,
/// when it changed since that approval, its current normalised text (for the diff the legal queue shows).
/// </summary>
public sealed record ReviewItem(string Path, IReadOnlyList<string> Teams, IReadOnlyList<string> Reasons, ReviewState State, Approval? LastApproval, string? CurrentText);
