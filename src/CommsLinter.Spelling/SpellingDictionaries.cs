using System.Collections.Concurrent;
using System.Text;
using CommsLinter.Spelling.Hunspell;

namespace CommsLinter.Spelling;

/// <summary>
/// The dictionary of each locale, loaded on first use and shared by every thread of a run. The
/// shipped dictionaries sit in <c>dictionaries/</c> beside the binary; a company folder
/// (<c>styleguides/dictionaries/</c>) may replace one with its own <c>pl_PL.aff</c> and
/// <c>pl_PL.dic</c>, or add word lists such as <c>pl_PL.company.dic</c> that use the shipped affixes.
/// </summary>
public sealed class SpellingDictionaries
{
    /// <summary>The dictionary each supported locale uses. English content is British (en_GB).</summary>
    public static IReadOnlyDictionary<string, string> NameOfLocale { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["pl"] = "pl_PL",
        ["ru"] = "ru_RU",
        ["it"] = "it_IT",
        ["en"] = "en_GB",
    };

    private readonly ConcurrentDictionary<string, Lazy<Loaded>> _byLocale = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _seeded = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _shippedFolder;
    private readonly string? _companyFolder;
    private readonly Func<string, string> _displayPath;

    /// <param name="displayPath">How a dictionary file's path is shown in findings (relative to the working folder, say).</param>
    public SpellingDictionaries(string? companyFolder, string? shippedFolder = null, Func<string, string>? displayPath = null)
    {
        _companyFolder = companyFolder;
        _shippedFolder = shippedFolder ?? ShippedFolder;
        _displayPath = displayPath ?? (path => path);
    }

    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "dictionaries");

    /// <summary>The languages' display names, for messages.</summary>
    public static string LanguageName(string locale) => locale.ToLowerInvariant() switch
    {
        "pl" => "Polish",
        "ru" => "Russian",
        "it" => "Italian",
        "en" => "English",
        _ => locale,
    };

    /// <summary>The locale's dictionary, or why there is none (missing or unreadable files).</summary>
    public Loaded For(string locale) => _byLocale.GetOrAdd(locale, l => new Lazy<Loaded>(() => Load(l))).Value;

    /// <summary>
    /// Verdicts and suggestions of earlier runs for a locale whose dictionary read without a problem
    /// then (the check cache keys them by the dictionaries' content): the dictionary is read only for a
    /// word they do not cover.
    /// </summary>
    public void Seed(string locale, IEnumerable<KeyValuePair<string, bool>> verdicts, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> suggestions)
    {
        _seeded[locale] = true;
        _byLocale[locale] = new Lazy<Loaded>(() => new Loaded(new CachedSpeller(() => Load(locale).Checker?.Speller
            ?? throw new InvalidOperationException($"The {locale} dictionary no longer reads; delete .commslint/ and check again."), verdicts, suggestions), null, null));
    }

    /// <summary>The spellers this run used (or was seeded with), by locale, for the cache to keep their verdicts.</summary>
    public IEnumerable<(string Locale, CachedSpeller Checker)> Used =>
        _byLocale.Where(p => p.Value.IsValueCreated && p.Value.Value.Checker is not null).Select(p => (p.Key, p.Value.Value.Checker!));

    /// <summary>Starts loading the dictionaries of these locales on the thread pool, so they are ready when the first template needs them.</summary>
    public void Preload(IEnumerable<string> locales)
    {
        // A seeded locale reads its dictionary only for a word its verdicts do not cover.
        foreach (var locale in locales.Distinct(StringComparer.OrdinalIgnoreCase).Where(l => !_seeded.ContainsKey(l)))
        {
            _ = Task.Run(() => For(locale).Checker?.Load());
        }
    }

    /// <summary>
    /// Whether <paramref name="locale"/> is a locale code (<c>pl</c>, <c>de_AT</c>, <c>pt-BR</c>): letters first, then letters,
    /// digits, '-' or '_'. A locale comes from a template or the catalog, and names dictionary files: nothing else may reach the file system.
    /// </summary>
    public static bool IsLocaleCode(string locale) =>
        locale.Length is > 0 and <= 35 && char.IsAsciiLetter(locale[0]) && locale.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private Loaded Load(string locale)
    {
        if (!IsLocaleCode(locale))
        {
            return new Loaded(null, null, $"'{locale}' is not a locale code (such as pl or de_AT), so no dictionary is looked for. Write the locale as the catalog lists it.");
        }

        var name = NameOfLocale.TryGetValue(locale, out var shipped) ? shipped : CompanyDictionaryOf(locale);
        if (name is null)
        {
            return new Loaded(null, null, $"there is no dictionary for locale '{locale}'; CommsLinter ships {string.Join(", ", NameOfLocale.Keys)}. Add {locale}_XX.aff and .dic to styleguides/dictionaries/ or limit the spelling rule with 'when locale [...]'.");
        }

        var folder = _companyFolder is not null && File.Exists(Path.Combine(_companyFolder, name + ".aff")) ? _companyFolder : _shippedFolder;
        var aff = Path.Combine(folder, name + ".aff");
        var dic = Path.Combine(folder, name + ".dic");
        if (!File.Exists(aff) || !File.Exists(dic))
        {
            return new Loaded(null, null, $"the {name} dictionary is missing: expected {aff} and {dic}. Reinstall CommsLinter or run scripts/update-dictionaries.sh.");
        }

        // Beside a shipped dictionary, the words it lacks that business texts use (ru_RU.commerce.dic: промокод, вебинар),
        // written with the shipped affixes' flags; a company's own dictionary has its own flags, so they stay out of it.
        var extra = (folder == _shippedFolder ? FilesIn(_shippedFolder, name + ".", ".dic") : []).Concat(CompanyFiles(name + ".", ".dic")).ToList();
        try
        {
            return new Loaded(new CachedSpeller(HunspellSpeller.Load(aff, dic, extra)), null, null);
        }
        catch (DictionaryFormatException ex)
        {
            return new Loaded(null, ex, ex.Reason) { ErrorPath = _displayPath(ex.Path) };
        }
        catch (IOException ex)
        {
            return new Loaded(null, null, $"the {name} dictionary cannot be read: {ex.Message}");
        }
    }

    /// <summary>
    /// Adds a word to the company's word list for a locale (<c>pl_PL.company.dic</c> in the company folder), written
    /// in its dictionary's encoding (a .dic is read in the encoding its .aff names, ISO-8859-2 for Polish) with its
    /// count line kept true, replacing the file whole. Returns the file.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no company folder, or no dictionary for the locale.</exception>
    /// <exception cref="ArgumentException">The word is empty or holds white space or '/', which a .dic line reads as flags.</exception>
    public string AddCompanyWord(string locale, string word)
    {
        if (word.Length == 0 || word.Any(c => char.IsWhiteSpace(c) || c == '/'))
        {
            throw new ArgumentException($"“{word}” cannot be a word of a dictionary: it is empty or holds white space or '/'.", nameof(word));
        }

        var name = (NameOfLocale.TryGetValue(locale, out var shipped) ? shipped : CompanyDictionaryOf(locale))
            ?? throw new InvalidOperationException($"there is no dictionary for locale '{locale}'.");
        var folder = _companyFolder ?? throw new InvalidOperationException("there is no company dictionary folder (styleguides/dictionaries/).");
        var encoding = For(locale).Checker?.Speller.Rules.Encoding ?? Encoding.UTF8;
        if (encoding.GetString(encoding.GetBytes(word)) != word)
        {
            // ISO-8859-2 has no ñ: written anyway it would become another word, and the typo would stay.
            throw new ArgumentException($"“{word}” cannot be written in {encoding.WebName}, the encoding of the {name} dictionary.", nameof(word));
        }

        var file = Path.Combine(folder, $"{name}.company.dic");
        var words = File.Exists(file) ? ReadLines(file, encoding).Skip(1).Where(l => l.Length > 0).ToList() : [];
        if (!words.Contains(word, StringComparer.Ordinal))
        {
            words.Add(word);
        }

        Directory.CreateDirectory(folder);
        var temporary = $"{file}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, string.Join('\n', [words.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), .. words]) + "\n", encoding);
        File.Move(temporary, file, overwrite: true);
        return file;
    }

    private static string[] ReadLines(string file, Encoding encoding)
    {
        var bytes = File.ReadAllBytes(file);
        var bom = bytes.AsSpan().StartsWith(AffixFileReader.Utf8Bom) ? 3 : 0;
        return encoding.GetString(bytes, bom, bytes.Length - bom).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    /// <summary>A company dictionary for a locale CommsLinter does not ship, such as styleguides/dictionaries/de_DE.aff.</summary>
    private string? CompanyDictionaryOf(string locale) =>
        CompanyFiles(locale + "_", ".aff").Select(Path.GetFileNameWithoutExtension).FirstOrDefault();

    /// <summary>
    /// The files of the company folder whose names start and end so, in order. Compared as text, never handed to the file
    /// system as a search pattern: a '*' or '?' in a name would widen it.
    /// </summary>
    private IEnumerable<string> CompanyFiles(string start, string end) => _companyFolder is null ? [] : FilesIn(_companyFolder, start, end);

    private static IEnumerable<string> FilesIn(string folder, string start, string end) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder)
                .Where(f => Path.GetFileName(f) is var name && name.Length > start.Length + end.Length && name.StartsWith(start, StringComparison.Ordinal) && name.EndsWith(end, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
            : [];

    /// <summary>A locale's dictionary or the reason it is unavailable.</summary>
    public sealed class Loaded(CachedSpeller? checker, DictionaryFormatException? formatError, string? problem)
    {
        /// <summary>The speller with a memory of verdicts and suggestions; null when there is no dictionary.</summary>
        public CachedSpeller? Checker { get; } = checker;

        public DictionaryFormatException? FormatError { get; } = formatError;

        /// <summary>The unreadable file as findings show it.</summary>
        public string? ErrorPath { get; init; }

        public string? Problem { get; } = problem;
    }
}
