using System.Buffers;
using System.Text.Unicode;
using CommsLinter.Diagnostics;
using CommsLinter.Text;

namespace CommsLinter.Content.Decoding;

/// <summary>
/// Turns a file's bytes into text. Only UTF-8 is accepted (a BOM is tolerated and dropped); anything
/// else is a finding that names the file and, for invalid UTF-8, the exact position.
/// </summary>
internal static class TextDecoding
{
    private const int BinaryProbeLength = 8000;

    /// <summary>
    /// Text that did not come from bytes (an editor's) held to what decoding holds a file to: not empty,
    /// no NUL; the byte order mark an editor may keep is dropped. Null, with the problem, when it is not a template's text.
    /// </summary>
    public static string? Check(string text, string path, out Finding? problem)
    {
        problem = null;
        var body = text.StartsWith('\uFEFF') ? text[1..] : text;
        if (body.Length == 0)
        {
            problem = Empty(path);
            return null;
        }

        if (body.AsSpan(0, Math.Min(body.Length, BinaryProbeLength)).Contains('\0'))
        {
            problem = Binary(path);
            return null;
        }

        return body;
    }

    public static string? Decode(ReadOnlySpan<byte> bytes, string path, out Finding? problem)
    {
        problem = null;
        var data = bytes;
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            data = data[3..];
        }
        else if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            problem = ContentRules.Encoding.At(path, Location.FileStart,
                "The file is UTF-16 (or UTF-32). Save it as UTF-8: templates are read as UTF-8 only.");
            return null;
        }

        if (data.IsEmpty)
        {
            problem = Empty(path);
            return null;
        }

        if (data[..Math.Min(data.Length, BinaryProbeLength)].Contains((byte)0))
        {
            problem = Binary(path);
            return null;
        }

        var chars = ArrayPool<char>.Shared.Rent(data.Length);
        try
        {
            var status = Utf8.ToUtf16(data, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
            {
                return new string(chars, 0, charsWritten);
            }

            var valid = new string(chars, 0, charsWritten);
            var position = LineIndex.Build(valid).GetPosition(valid.Length);
            var at = new Location(position, position with { Column = position.Column + 1 });
            problem = ContentRules.Encoding.At(path, at,
                $"The file is not valid UTF-8: byte 0x{data[bytesRead]:X2} here starts no valid character (is it Windows-1250 or ISO-8859-2?). Save the file as UTF-8.");
            return null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static Finding Empty(string path) => ContentRules.Empty.At(path, Location.FileStart,
        "The file is empty. A template needs front matter (touchpoint, channel, locale) and a body; delete the file if it is not needed.");

    private static Finding Binary(string path) => ContentRules.Binary.At(path, Location.FileStart,
        "The file contains NUL bytes: it is binary (or UTF-16 without a byte order mark), not a template. Remove it from content/ or save it as UTF-8 text.");
}
