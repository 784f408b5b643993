using System.Globalization;
using System.Text;

namespace CommsLinter.Spelling.Hunspell;

/// <summary>
/// Reads a Hunspell .aff file (man 5 hunspell). Directives CommsLinter does not use for checking or
/// suggesting (morphology, phonetic tables) are skipped as Hunspell skips what it does not know;
/// a directive it uses but cannot understand is an error naming the line.
/// </summary>
internal sealed class AffixFileReader
{
    internal static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private readonly string _path;
    private readonly string[] _lines;
    private int _index;
    private AffixRules _rules = null!;
    private readonly List<AffixEntry> _prefixes = [];
    private readonly List<AffixEntry> _suffixes = [];

    private AffixFileReader(string path, string[] lines)
    {
        _path = path;
        _lines = lines;
    }

    public static AffixRules Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var encoding = DetectEncoding(path, bytes, out var bomLength);
        var text = encoding.GetString(bytes, bomLength, bytes.Length - bomLength);
        var reader = new AffixFileReader(path, text.Split('\n'));
        return reader.Parse(encoding);
    }

    /// <summary>The encoding named by the SET line (ISO8859-1 when there is none, as in Hunspell).</summary>
    internal static Encoding DetectEncoding(string path, byte[] bytes, out int bomLength)
    {
        bomLength = bytes.AsSpan().StartsWith(Utf8Bom) ? 3 : 0;
        var latin1 = Encoding.Latin1.GetString(bytes, bomLength, Math.Min(bytes.Length - bomLength, 1 << 20));
        var lineNumber = 0;
        foreach (var line in latin1.Split('\n'))
        {
            lineNumber++;
            if (!line.StartsWith("SET", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = Fields(line);
            if (fields.Length >= 2 && fields[0] == "SET")
            {
                return EncodingOf(fields[1]) ?? throw new DictionaryFormatException(
                    path, lineNumber, line.IndexOf(fields[1], StringComparison.Ordinal) + 1,
                    $"SET names the encoding '{fields[1]}', which CommsLinter cannot read; use UTF-8, ISO8859-1 to -15, KOI8-R, KOI8-U or microsoft-cp1251");
            }
        }

        return bomLength > 0 ? Encoding.UTF8 : Encoding.Latin1;
    }

    private static Encoding? EncodingOf(string name)
    {
        var upper = name.ToUpperInvariant();
        if (upper is "UTF-8" or "UTF8")
        {
            return new UTF8Encoding(false);
        }

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var dotnetName = upper switch
        {
            _ when upper.StartsWith("ISO8859-", StringComparison.Ordinal) => "iso-8859-" + upper["ISO8859-".Length..],
            _ when upper.StartsWith("ISO-8859-", StringComparison.Ordinal) => upper.ToLowerInvariant(),
            "KOI8-R" or "KOI8-U" => upper.ToLowerInvariant(),
            "MICROSOFT-CP1251" or "CP1251" => "windows-1251",
            "TIS620-2533" => "windows-874",
            _ => null,
        };
        try
        {
            return dotnetName is null ? null : Encoding.GetEncoding(dotnetName);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string[] Fields(string line) =>
        line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private AffixRules Parse(Encoding encoding)
    {
        var flagFormat = FlagFormat.Char;
        foreach (var line in _lines.Where(l => l.StartsWith("FLAG", StringComparison.Ordinal)))
        {
            var fields = Fields(line);
            if (fields.Length >= 2 && fields[0] == "FLAG")
            {
                flagFormat = fields[1].ToUpperInvariant() switch
                {
                    "LONG" => FlagFormat.Long,
                    "NUM" => FlagFormat.Numeric,
                    "UTF-8" => FlagFormat.Utf8,
                    _ => FlagFormat.Char,
                };
            }
        }

        _rules = new AffixRules { Encoding = encoding, Flags = new FlagParser(flagFormat, encoding) };
        for (_index = 0; _index < _lines.Length; _index++)
        {
            var fields = Fields(_lines[_index]);
            if (fields.Length == 0 || fields[0].StartsWith('#'))
            {
                continue;
            }

            ParseDirective(fields);
        }

        _rules.Prefixes = new AffixIndex(_prefixes);
        _rules.Suffixes = new AffixIndex(_suffixes);
        return _rules;
    }

    private void ParseDirective(string[] fields)
    {
        var name = fields[0];
        switch (name)
        {
            case "PFX" or "SFX":
                ParseAffixTable(fields, name == "PFX");
                break;
            case "AF":
                foreach (var row in Table(fields, 1))
                {
                    _rules.FlagAliases.Add(_rules.FlagSets.Intern(ParseFlags(row[1], row)));
                }

                break;
            case "AM" or "PHONE":
                _ = Table(fields, 1);
                break;
            case "REP":
                _rules.Rep = new Replacements([.. Table(fields, 2).Select(row => RepPair(row[1], row[2]))]);
                break;
            case "ICONV" or "OCONV":
                var conversion = new Replacements([.. Table(fields, 2).Select(row => new Replacements.Pair(row[1], row[2], false, false))]);
                if (name == "ICONV")
                {
                    _rules.InputConversion = conversion;
                }
                else
                {
                    _rules.OutputConversion = conversion;
                }

                break;
            case "MAP":
                foreach (var row in Table(fields, 1))
                {
                    _rules.Map.Add(MapGroup(row[1]));
                }

                break;
            case "BREAK":
                _rules.BreakPatterns = [.. Table(fields, 1).Select(row => row[1])];
                break;
            case "COMPOUNDRULE":
                foreach (var row in Table(fields, 1))
                {
                    _rules.CompoundRules.Add(CompoundRuleOf(row[1]));
                }

                break;
            case "TRY":
                _rules.TryChars = Value(fields);
                break;
            case "KEY":
                _rules.Keyboard = Value(fields);
                break;
            case "WORDCHARS":
                _rules.WordChars = Value(fields);
                break;
            case "IGNORE":
                _rules.IgnoreChars = Value(fields);
                break;
            case "LANG":
                _rules.Language = Value(fields);
                break;
            case "FORBIDDENWORD":
                _rules.ForbiddenWord = Flag(fields);
                break;
            case "KEEPCASE":
                _rules.KeepCase = Flag(fields);
                break;
            case "NEEDAFFIX" or "PSEUDOROOT":
                _rules.NeedAffix = Flag(fields);
                break;
            case "ONLYINCOMPOUND":
                _rules.OnlyInCompound = Flag(fields);
                break;
            case "CIRCUMFIX":
                _rules.Circumfix = Flag(fields);
                break;
            case "NOSUGGEST":
                _rules.NoSuggest = Flag(fields);
                break;
            case "WARN":
                _rules.Warn = Flag(fields);
                break;
            case "FORBIDWARN":
                _rules.ForbidWarn = true;
                break;
            case "COMPOUNDFLAG":
                _rules.CompoundFlag = Flag(fields);
                break;
            case "COMPOUNDBEGIN":
                _rules.CompoundBegin = Flag(fields);
                break;
            case "COMPOUNDMIDDLE":
                _rules.CompoundMiddle = Flag(fields);
                break;
            case "COMPOUNDEND" or "COMPOUNDLAST":
                _rules.CompoundEnd = Flag(fields);
                break;
            case "COMPOUNDMIN":
                _rules.CompoundMin = Math.Max(1, Number(fields));
                break;
            case "MAXNGRAMSUGS":
                _rules.MaxNgramSuggestions = Number(fields);
                break;
            case "NOSPLITSUGS":
                _rules.NoSplitSuggestions = true;
                break;
            case "FULLSTRIP":
                _rules.FullStrip = true;
                break;
            case "COMPLEXPREFIXES":
                throw Error(1, "COMPLEXPREFIXES (right-to-left languages) is not supported by CommsLinter's engine");
            default:
                // Morphology, phonetic and compound-tuning directives do not change which words
                // the four supported dictionaries accept; Hunspell too ignores what it does not know.
                break;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void ParseAffixTable(string[] header, bool isPrefix)
    {
        if (header.Length < 4 || !int.TryParse(header[3], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw Error(1, $"{header[0]} header needs a flag, Y or N (cross product) and the number of entries, as in '{header[0]} A Y 2'");
        }

        var flag = _rules.Flags.ParseOne(header[1]) ?? throw Error(5, $"'{header[1]}' is not a flag");
        var cross = header[2] == "Y";
        var headerLine = _index;
        for (var n = 0; n < count; n++)
        {
            _index++;
            if (_index >= _lines.Length)
            {
                throw new DictionaryFormatException(_path, headerLine + 1, 1,
                    $"{header[0]} {header[1]} announces {count} entries but the file ends after {n}");
            }

            var fields = Fields(_lines[_index]);
            if (fields.Length == 0 || fields[0].StartsWith('#'))
            {
                n--;
                continue;
            }

            if (fields.Length < 4 || fields[0] != header[0] || (fields[1] != header[1] && _rules.Flags.ParseOne(fields[1]) != flag))
            {
                throw Error(1, $"entry {n + 1} of {count} of {header[0]} {header[1]} should read '{header[0]} {header[1]} strip append condition'");
            }

            var strip = fields[2] == "0" ? string.Empty : fields[2];
            var append = fields[3];
            var continuation = 0;
            var slash = append.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                var flagsText = append[(slash + 1)..];
                append = append[..slash];
                continuation = _rules.FlagAliases.Count > 1
                    ? Alias(flagsText)
                    : _rules.FlagSets.Intern(ParseFlags(flagsText, fields));
                foreach (var c in _rules.FlagSets[continuation])
                {
                    _rules.ContinuationFlags.Add(c);
                }
            }

            if (append == "0")
            {
                append = string.Empty;
            }

            append = RemoveIgnored(append);
            strip = RemoveIgnored(strip);
            var condition = AffixCondition.Parse(fields.Length > 4 ? fields[4] : ".", out var conditionError);
            if (conditionError is not null)
            {
                throw Error(1, conditionError);
            }

            (isPrefix ? _prefixes : _suffixes).Add(new AffixEntry(flag, isPrefix, cross, strip, append, continuation, condition));
        }
    }

    private string RemoveIgnored(string text) =>
        _rules.IgnoreChars.Length == 0 || text.AsSpan().IndexOfAny(_rules.IgnoreChars) < 0
            ? text
            : string.Concat(text.Where(c => !_rules.IgnoreChars.Contains(c, StringComparison.Ordinal)));

    private int Alias(string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number >= _rules.FlagAliases.Count)
        {
            throw Error(1, $"'{text}' is not an AF alias number (1 to {_rules.FlagAliases.Count - 1})");
        }

        return _rules.FlagAliases[number];
    }

    /// <summary>The rows of a table directive (REP 3, then three REP lines), each with at least <paramref name="valueCount"/> values.</summary>
    private List<string[]> Table(string[] header, int valueCount)
    {
        if (header.Length < 2 || !int.TryParse(header[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            // A single-line form ("BREAK -" without a count) is not a table header.
            return header.Length > valueCount ? [header] : throw Error(1, $"{header[0]} needs the number of lines that follow, as in '{header[0]} 2'");
        }

        var rows = new List<string[]>(count);
        var headerLine = _index;
        while (rows.Count < count)
        {
            _index++;
            if (_index >= _lines.Length)
            {
                throw new DictionaryFormatException(_path, headerLine + 1, 1, $"{header[0]} announces {count} lines but the file ends after {rows.Count}");
            }

            var fields = Fields(_lines[_index]);
            if (fields.Length == 0 || fields[0].StartsWith('#'))
            {
                continue;
            }

            if (fields[0] != header[0] || fields.Length <= valueCount)
            {
                throw Error(1, $"line {rows.Count + 1} of {count} of the {header[0]} table should start with {header[0]} and give {valueCount} value(s)");
            }

            rows.Add(fields);
        }

        return rows;
    }

    private static Replacements.Pair RepPair(string pattern, string replacement)
    {
        var atStart = pattern.StartsWith('^');
        var atEnd = pattern.Length > 1 && pattern.EndsWith('$');
        var core = pattern[(atStart ? 1 : 0)..(pattern.Length - (atEnd ? 1 : 0))];
        return new Replacements.Pair(core.Replace('_', ' '), replacement.Replace('_', ' '), atStart, atEnd);
    }

    private static string[] MapGroup(string text)
    {
        var items = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(' && text.IndexOf(')', i + 1) is var close and > 0)
            {
                items.Add(text[(i + 1)..close]);
                i = close;
            }
            else
            {
                items.Add(text[i].ToString());
            }
        }

        return [.. items];
    }

    private CompoundRule CompoundRuleOf(string text)
    {
        var steps = new List<CompoundRule.Step>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '*' or '?')
            {
                if (steps.Count == 0)
                {
                    throw Error(1, $"COMPOUNDRULE '{text}' starts with '{c}', which must follow a flag");
                }

                steps[^1] = steps[^1] with { Quantifier = c };
                continue;
            }

            string flagText;
            if (c == '(')
            {
                var close = text.IndexOf(')', i + 1);
                if (close < 0)
                {
                    throw Error(1, $"COMPOUNDRULE '{text}' opens '(' without ')'");
                }

                flagText = text[(i + 1)..close];
                i = close;
            }
            else
            {
                flagText = c.ToString();
            }

            var flag = _rules.Flags.ParseOne(flagText) ?? throw Error(1, $"COMPOUNDRULE '{text}' has '{flagText}', which is not a flag");
            steps.Add(new CompoundRule.Step(flag, '\0'));
        }

        return new CompoundRule(steps);
    }

    private List<char> ParseFlags(string text, string[] row)
    {
        var flags = new List<char>(text.Length);
        var error = _rules.Flags.Parse(text, flags);
        return error is null ? flags : throw Error(_lines[_index].IndexOf(text, StringComparison.Ordinal) + 1, $"{row[0]}: {error}");
    }

    private char Flag(string[] fields) =>
        fields.Length >= 2 && _rules.Flags.ParseOne(fields[1]) is { } flag ? flag : throw Error(1, $"{fields[0]} needs a flag");

    private int Number(string[] fields) =>
        fields.Length >= 2 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw Error(1, $"{fields[0]} needs a number");

    private string Value(string[] fields) =>
        fields.Length >= 2 ? fields[1] : throw Error(1, $"{fields[0]} needs a value");

    private DictionaryFormatException Error(int column, string reason) => new(_path, _index + 1, Math.Max(column, 1), reason);
}
