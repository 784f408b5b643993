using System.Text;
using CommsLinter.Content;

namespace CommsLinter.Engine.Fixes;

internal enum FixWriteStatus
{
    Written,

    /// <summary>The file's text is no longer the text that was checked: it is left as it is.</summary>
    ChangedSinceChecked,

    /// <summary>The file could not be read or written: it is as it was.</summary>
    Failed,
}

/// <summary>Writes one file's fixes, whole or not at all, and only over the text they were worked out on.</summary>
internal static class FixWriter
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="problem">Why the file could not be written, when it could not.</param>
    public static FixWriteStatus Write(FileFix fix, string fullPath, out string? problem)
    {
        problem = null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = ex.Message;
            return FixWriteStatus.Failed;
        }

        // The text was checked without its byte order mark; the file keeps the one it has.
        var bom = bytes.AsSpan().StartsWith(ByteOrderMark);
        if (!IsText(bytes.AsSpan(bom ? ByteOrderMark.Length : 0), fix.OldText))
        {
            return FixWriteStatus.ChangedSinceChecked;
        }

        var written = WholeFile.Replace(fullPath, stream =>
        {
            if (bom)
            {
                stream.Write(ByteOrderMark);
            }

            stream.Write(Utf8.GetBytes(fix.NewText));
        }, out problem);
        return written ? FixWriteStatus.Written : FixWriteStatus.Failed;
    }

    private static bool IsText(ReadOnlySpan<byte> bytes, string text)
    {
        try
        {
            return Utf8.GetString(bytes) == text;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
