using System.Text;

namespace CommsLinter.Spelling.Hunspell;

/// <summary>
/// A Hunspell dictionary (.aff and .dic) that accepts and rejects words as GNU Hunspell does: case
/// rules, input conversion, ignored characters, prefixes and suffixes with cross products and
/// continuation classes, circumfixes, compounding, forbidden words and BREAK points. Thread-safe
/// after loading; checking a word allocates nothing unless the word needs input conversion.
/// </summary>
public sealed partial class HunspellSpeller
{
    private const int MaxBreakDepth = 10;
    private const int MaxWordLength = 100;

    private readonly FlagSets _sets;
    private readonly int _maxStrip;

    /// <summary>The BREAK patterns without their anchors, to count break points without allocating.</summary>
    private readonly string[] _breakCores;

    /// <summary>The letters a one-letter edit tries, found when the first word needs suggestions.</summary>
    private readonly Lazy<string> _editLetters;

    private HunspellSpeller(string name, AffixRules rules, WordTable words)
    {
        Name = name;
        Rules = rules;
        Words = words;
        _sets = rules.FlagSets;
        _breakCores = [.. rules.BreakPatterns.Select(p => p.Trim('^', '$')).Where(c => c.Length > 0)];
        _editLetters = new Lazy<string>(EditLetters);
        _maxStrip = rules.Prefixes.All.Concat(rules.Suffixes.All).Select(a => a.Strip.Length).DefaultIfEmpty(0).Max();
    }

    /// <summary>The file name without extension, such as pl_PL.</summary>
    public string Name { get; }

    internal AffixRules Rules { get; }

    internal WordTable Words { get; }

    /// <summary>Loads <paramref name="affPath"/> with <paramref name="dicPath"/> and any further word lists (extra .dic files using the same affixes).</summary>
    public static HunspellSpeller Load(string affPath, string dicPath, IEnumerable<string>? extraDicPaths = null)
    {
        var rules = AffixFileReader.Read(affPath);
        var paths = new[] { dicPath }.Concat(extraDicPaths ?? []).ToList();
        var texts = paths.Select(p => (Path: p, Text: ReadDic(p, rules.Encoding))).ToList();
        var words = new WordTable(texts.Sum(t => EstimateCount(t.Text)));
        foreach (var (path, text) in texts)
        {
            DicFileReader.Read(path, text, rules, words);
        }

        return new HunspellSpeller(Path.GetFileNameWithoutExtension(affPath), rules, words);
    }

    private static string ReadDic(string path, Encoding encoding)
    {
        var bytes = File.ReadAllBytes(path);
        var bom = bytes.AsSpan().StartsWith(AffixFileReader.Utf8Bom) ? 3 : 0;
        return encoding.GetString(bytes, bom, bytes.Length - bom);
    }

    private static int EstimateCount(string text)
    {
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOf('\n'))).Trim();
        return int.TryParse(firstLine, out var count) && count is > 0 and < 10_000_000 ? count + (count / 8) : 1024;
    }

    /// <summary>Whether <paramref name="word"/> is spelled correctly.</summary>
    public bool Check(ReadOnlySpan<char> word) => Spell(word, 0, out _);

    /// <param name="root">The dictionary entry the word was found on, or -1 when it was accepted as parts at BREAK points or as a number.</param>
    private bool Spell(ReadOnlySpan<char> word, int depth, out int root)
    {
        root = -1;
        if (depth >= MaxBreakDepth || TooLong(word))
        {
            return false;
        }

        var converted = Rules.InputConversion?.Convert(word);
        if (converted is not null)
        {
            if (TooLong(converted))
            {
                return false;
            }

            word = converted;
        }

        // One spare character lets "abbrev" + "." be tried without copying.
        Span<char> buffer = stackalloc char[word.Length + 1];
        var length = 0;
        foreach (var c in word)
        {
            if (Rules.IgnoreChars.Length == 0 || !Rules.IgnoreChars.Contains(c, StringComparison.Ordinal))
            {
                buffer[length++] = c;
            }
        }

        var start = 0;
        while (start < length && buffer[start] == ' ')
        {
            start++;
        }

        var end = length;
        var dots = 0;
        while (end > start && buffer[end - 1] == '.')
        {
            end--;
            dots++;
        }

        if (end == start)
        {
            return true;
        }

        var clean = buffer[start..end];
        if (IsNumber(clean))
        {
            return true;
        }

        buffer[end] = '.';
        var withDot = buffer[start..(end + 1)];
        var capType = Casing.Classify(clean);
        var info = SpellInfo.None;
        var found = -1;

        // The case branches follow Hunspell: a capitalised or upper-case word may be a
        // capitalised dictionary word or a lower-case one; mixed case must match as written.
        Span<char> lowered = stackalloc char[clean.Length + 1];
        Span<char> initial = stackalloc char[clean.Length + 1];
        var breakForm = clean;
        switch (capType)
        {
            case CapType.None or CapType.Mixed or CapType.MixedInitial:
                found = CheckWord(clean, ref info);
                if (found < 0 && dots > 0)
                {
                    found = CheckWord(withDot, ref info);
                }

                break;
            default:
                if (capType == CapType.All)
                {
                    found = CheckWord(clean, ref info);
                    if (found < 0 && dots > 0)
                    {
                        found = CheckWord(withDot, ref info);
                    }

                    if (found < 0)
                    {
                        found = CheckApostropheCapitals(clean, ref info);
                    }

                    if (found >= 0)
                    {
                        break;
                    }
                }

                Casing.ToInitialCapital(clean, initial);
                Casing.ToLower(clean, lowered);
                var initialForm = capType == CapType.All ? initial[..clean.Length] : clean;
                if (capType == CapType.Initial)
                {
                    info |= SpellInfo.InitialCapital;
                }

                found = CheckWord(initialForm, ref info);
                info &= ~SpellInfo.InitialCapital;
                if ((info & SpellInfo.Forbidden) != 0)
                {
                    found = -1;
                    break;
                }

                if (found >= 0 && capType == CapType.All && IsKeepCase(found))
                {
                    found = -1;
                }

                if (found >= 0)
                {
                    break;
                }

                breakForm = initial[..clean.Length];
                var lower = lowered[..clean.Length];
                found = CheckWord(lower, ref info);
                if (found < 0 && dots > 0)
                {
                    lowered[clean.Length] = '.';
                    found = CheckWord(lowered, ref info);
                    if (found < 0)
                    {
                        initial[clean.Length] = '.';
                        if (capType == CapType.Initial)
                        {
                            info |= SpellInfo.InitialCapital;
                        }

                        found = CheckWord(initial, ref info);
                        info &= ~SpellInfo.InitialCapital;
                        if (found >= 0 && capType == CapType.All && IsKeepCase(found))
                        {
                            found = -1;
                        }

                        break;
                    }
                }

                if (found >= 0 && IsKeepCase(found))
                {
                    found = -1;
                }

                break;
        }

        if (found >= 0)
        {
            root = found;
            return !(Rules.ForbidWarn && _sets.Has(Words.FlagsOf(found), Rules.Warn));
        }

        return (info & SpellInfo.Forbidden) == 0 && SpellAtBreaks(breakForm, depth);
    }

    /// <summary>Upper-case words with an apostrophe: "SANT'ELIA" may be "sant'Elia" or "Sant'elia" (Hunspell's rule for Italian, Catalan, French).</summary>
    private int CheckApostropheCapitals(ReadOnlySpan<char> word, ref SpellInfo info)
    {
        var apostrophe = word.IndexOf('\'');
        if (apostrophe < 0 || apostrophe >= word.Length - 1)
        {
            return -1;
        }

        Span<char> form = stackalloc char[word.Length];
        Casing.ToLower(word, form);
        form[apostrophe + 1] = char.ToUpperInvariant(form[apostrophe + 1]);
        var found = CheckWord(form, ref info);
        if (found >= 0)
        {
            return found;
        }

        Casing.ToInitialCapital(word, form);
        return CheckWord(form, ref info);
    }

    private bool SpellAtBreaks(ReadOnlySpan<char> word, int depth)
    {
        var patterns = Rules.BreakPatterns;
        if (patterns.Count == 0)
        {
            return false;
        }

        var breaks = 0;
        foreach (var core in _breakCores)
        {
            breaks += word.Count(core);
        }

        if (breaks >= MaxBreakDepth)
        {
            return false;
        }

        foreach (var pattern in patterns)
        {
            var length = pattern.Length;
            if (length == 1 || length > word.Length)
            {
                continue;
            }

            if (pattern[0] == '^' && word.StartsWith(pattern.AsSpan(1)) && Spell(word[(length - 1)..], depth + 1, out _))
            {
                return true;
            }

            if (pattern[^1] == '$' && word.EndsWith(pattern.AsSpan(0, length - 1)) && Spell(word[..(word.Length - length + 1)], depth + 1, out _))
            {
                return true;
            }
        }

        // Inner break points: the second occurrence first, which keeps dictionary words that
        // contain the break character whole, then the first.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var pattern in patterns)
            {
                var length = pattern.Length;
                var found = word.IndexOf(pattern);
                if (found <= 0 || found >= word.Length - length)
                {
                    continue;
                }

                if (pass == 0)
                {
                    var second = word[(found + 1)..].IndexOf(pattern);
                    if (second >= 0 && found + 1 + second < word.Length - length)
                    {
                        found = found + 1 + second;
                    }
                }

                if (Spell(word[(found + length)..], depth + 1, out _) && Spell(word[..found], depth + 1, out _))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool TooLong(ReadOnlySpan<char> word) =>
        Rules.IsUtf8 ? Encoding.UTF8.GetByteCount(word) >= MaxWordLength * 3 : word.Length >= MaxWordLength;

    /// <summary>Numbers with single separators (1,299.00 or 12-05) are always correct.</summary>
    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        var lastWasDigit = false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c is >= '0' and <= '9' or >= '\u0660' and <= '\u0669' or >= '\u06F0' and <= '\u06F9')
            {
                lastWasDigit = true;
            }
            else if (c is ',' or '.' or '-' && i > 0 && lastWasDigit)
            {
                lastWasDigit = false;
            }
            else
            {
                return false;
            }
        }

        return lastWasDigit;
    }

    private bool IsKeepCase(int entry) => _sets.Has(Words.FlagsOf(entry), Rules.KeepCase);

    private bool Has(int entry, char flag) => _sets.Has(Words.FlagsOf(entry), flag);

    /// <summary>The dictionary entry <paramref name="word"/> is built on, as written, or -1.</summary>
    private int CheckWord(ReadOnlySpan<char> word, ref SpellInfo info)
    {
        if (word.IsEmpty)
        {
            return -1;
        }

        var entry = Words.Find(word);
        if (entry >= 0)
        {
            if (Has(entry, Rules.ForbiddenWord))
            {
                info |= SpellInfo.Forbidden;
                return -1;
            }

            var initialCapital = (info & SpellInfo.InitialCapital) != 0;
            while (entry >= 0 && (Has(entry, Rules.NeedAffix) || Has(entry, Rules.OnlyInCompound)
                || (initialCapital && Has(entry, FlagParser.OnlyUpcase))))
            {
                entry = Words.NextHomonym(entry);
            }
        }

        if (entry >= 0)
        {
            return entry;
        }

        var avoid = (info & SpellInfo.InitialCapital) != 0 ? FlagParser.OnlyUpcase : '\0';
        entry = AffixCheck(word, '\0', avoid);
        if (entry >= 0)
        {
            if (Has(entry, Rules.OnlyInCompound) || (avoid != 0 && Has(entry, FlagParser.OnlyUpcase)))
            {
                return -1;
            }

            if (Has(entry, Rules.ForbiddenWord))
            {
                info |= SpellInfo.Forbidden;
                return -1;
            }

            return entry;
        }

        return Rules.HasCompounding ? CompoundCheck(word) : -1;
    }

    [Flags]
    private enum SpellInfo
    {
        None = 0,
        InitialCapital = 1,
        Forbidden = 2,
    }
}
