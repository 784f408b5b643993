using System.Runtime.CompilerServices;
namespace CommsLinter.Spelling.Hunspell;

/// <summary>
/// Reads a .dic file: a word count, then one stem per line with its flags after '/' ("\/" is a
/// slash in the word) and optional morphological fields, which are dropped.
/// </summary>
internal static class DicFileReader
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Read(string path, string text, AffixRules rules, WordTable words)
    {
        var lines = text.AsSpan();
        var lineNumber = 0;
        var flagSetOfText = new Dictionary<string, int>(StringComparer.Ordinal);
        var flagLookup = flagSetOfText.GetAlternateLookup<ReadOnlySpan<char>>();
        var flagBuffer = new List<char>(32);
        Span<char> wordBuffer = stackalloc char[512];
        foreach (var range in lines.Split('\n'))
        {
            lineNumber++;
            var line = lines[range].TrimEnd('\r');
            if (lineNumber == 1)
            {
                if (!int.TryParse(line.Trim(), out var count) || count < 0)
                {
                    throw new DictionaryFormatException(path, 1, 1, "the first line of a .dic file must be the number of words that follow");
                }

                continue;
            }

            line = CutMorphology(line);
            if (line.IsEmpty)
            {
                continue;
            }

            var slash = FlagSeparator(line);
            var word = slash < 0 ? line : line[..slash];
            var flagsText = slash < 0 ? [] : line[(slash + 1)..];
            if (word.Length > wordBuffer.Length)
            {
                throw new DictionaryFormatException(path, lineNumber, 1, $"a word of {word.Length} characters is longer than the {wordBuffer.Length} CommsLinter reads");
            }

            var length = Unescape(word, wordBuffer, rules.IgnoreChars);
            var stem = wordBuffer[..length];
            var flags = 0;
            if (!flagsText.IsEmpty)
            {
                if (!flagLookup.TryGetValue(flagsText, out flags))
                {
                    flags = FlagSetOf(flagsText, rules, flagBuffer, path, lineNumber, slash + 2);
                    flagSetOfText[flagsText.ToString()] = flags;
                }
            }

            words.Add(stem, flags, hidden: false, rules.FlagSets);
            AddHiddenCapitalised(stem, flags, rules, words);
        }
    }

    private static int FlagSetOf(ReadOnlySpan<char> text, AffixRules rules, List<char> buffer, string path, int line, int column)
    {
        if (rules.FlagAliases.Count > 1)
        {
            return int.TryParse(text, out var alias) && alias > 0 && alias < rules.FlagAliases.Count
                ? rules.FlagAliases[alias]
                : throw new DictionaryFormatException(path, line, column, $"'{text}' is not an AF alias number (1 to {rules.FlagAliases.Count - 1})");
        }

        buffer.Clear();
        var error = rules.Flags.Parse(text, buffer);
        return error is null ? rules.FlagSets.Intern(buffer) : throw new DictionaryFormatException(path, line, column, error);
    }

    /// <summary>
    /// Upper-case and mixed-case stems with affixes also get a hidden capitalised homonym that only
    /// upper-case input may use, so "OpenOffice.org" also accepts "OPENOFFICE.ORG" and "NATO's" "NATO'S".
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddHiddenCapitalised(ReadOnlySpan<char> stem, int flags, AffixRules rules, WordTable words)
    {
        var capType = Casing.Classify(stem);
        if (capType is not (CapType.Mixed or CapType.MixedInitial) && !(capType == CapType.All && flags != 0))
        {
            return;
        }

        if (rules.FlagSets.Has(flags, rules.ForbiddenWord))
        {
            return;
        }

        Span<char> capitalised = stackalloc char[stem.Length];
        Casing.ToInitialCapital(stem, capitalised);
        words.Add(capitalised, rules.FlagSets.With(flags, FlagParser.OnlyUpcase), hidden: true, rules.FlagSets);
    }

    /// <summary>Drops morphological fields: after a tab, or from a space before an "xx:" field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<char> CutMorphology(ReadOnlySpan<char> line)
    {
        var cut = line.IndexOf('\t');
        for (var colon = line.IndexOf(':'); colon >= 0; colon = NextColon(line, colon))
        {
            if (colon > 3 && line[colon - 3] is ' ' or '\t')
            {
                var start = colon - 3;
                while (start > 0 && line[start - 1] is ' ' or '\t')
                {
                    start--;
                }

                if (start > 0 && (cut < 0 || start < cut))
                {
                    cut = start;
                }

                break;
            }
        }

        return cut < 0 ? line : line[..cut];
    }

    private static int NextColon(ReadOnlySpan<char> line, int after)
    {
        var next = line[(after + 1)..].IndexOf(':');
        return next < 0 ? -1 : after + 1 + next;
    }

    /// <summary>The '/' that starts the flags: not escaped and not the first character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FlagSeparator(ReadOnlySpan<char> line)
    {
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '/' && line[i - 1] != '\\')
            {
                return i;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Unescape(ReadOnlySpan<char> word, Span<char> into, string ignore)
    {
        var length = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == '\\' && i + 1 < word.Length && word[i + 1] == '/')
            {
                continue;
            }

            if (ignore.Length > 0 && ignore.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            into[length++] = c;
        }

        return length;
    }
}
