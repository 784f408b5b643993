using System.Text;
using CommsLinter.Spelling.Hunspell;
using CommsLinter.Tests.Support;

namespace CommsLinter.Tests.Spelling;

/// <summary>
/// Each Hunspell feature on a small dictionary written for it, with the words it must accept and
/// reject. Where GNU Hunspell is installed, it is asked too, so the expectations themselves are
/// checked against the reference.
/// </summary>
public sealed class EngineTests
{
    public static TheoryData<string, string, string, string[], string[]> Features => new()
    {
        {
            "prefixes, suffixes, conditions and cross products",
            "SET UTF-8\nPFX A Y 1\nPFX A 0 re .\nSFX B Y 2\nSFX B 0 ed [^y]\nSFX B y ied y\nSFX C N 1\nSFX C 0 s .\n",
            "3\nwork/AB\ncarry/B\ncat/AC\n",
            ["work", "worked", "rework", "reworked", "carried", "cat", "cats", "recat"],
            ["carryed", "recats", "works", "reworkeded", "worke"]
        },
        {
            "long flags and AF aliases",
            "SET UTF-8\nFLAG long\nAF 2\nAF AaBb\nAF Aa\nSFX Aa Y 1\nSFX Aa 0 s .\nSFX Bb Y 1\nSFX Bb 0 ing .\n",
            "2\nwalk/1\ntalk/2\n",
            ["walks", "walking", "talks"],
            ["talking", "walked"]
        },
        {
            "numeric flags",
            "SET UTF-8\nFLAG num\nSFX 101 Y 1\nSFX 101 0 s .\n",
            "1\ndog/101,7\n",
            ["dog", "dogs"],
            ["doges"]
        },
        {
            "UTF-8 flags",
            "SET UTF-8\nFLAG UTF-8\nSFX ü Y 1\nSFX ü 0 en .\n",
            "1\nkind/ü\n",
            ["kind", "kinden"],
            ["kinds"]
        },
        {
            "two-level suffixes (continuation classes)",
            "SET UTF-8\nSFX X Y 1\nSFX X 0 able/Y .\nSFX Y Y 1\nSFX Y 0 ness .\n",
            "1\nread/X\n",
            ["read", "readable", "readableness"],
            ["readness"]
        },
        {
            "circumfixes",
            "SET UTF-8\nCIRCUMFIX Z\nPFX P Y 1\nPFX P 0 ge/Z .\nSFX S Y 1\nSFX S 0 t/Z .\n",
            "1\nmach/PS\n",
            ["mach", "gemacht"],
            ["macht"]
        },
        {
            "NEEDAFFIX, FORBIDDENWORD and KEEPCASE",
            "SET UTF-8\nNEEDAFFIX N\nFORBIDDENWORD F\nKEEPCASE K\nSFX S Y 1\nSFX S 0 s .\n",
            "4\nfoo/NS\nbar/S\nbars/F\niPod/K\n",
            ["foos", "bar", "iPod"],
            ["foo", "bars", "IPOD", "IPod"]
        },
        {
            "ICONV, IGNORE and BREAK",
            "SET UTF-8\nWORDCHARS '’\u00AD-\nICONV 1\nICONV ’ '\nIGNORE \u00AD\nBREAK 1\nBREAK -\n",
            "3\nit's\nwell\nknown\n",
            ["it's", "it’s", "well-known", "kno\u00ADwn"],
            ["well-knwn", "its"]
        },
        {
            "COMPOUNDRULE with ONLYINCOMPOUND (ordinals)",
            "SET UTF-8\nWORDCHARS 0123456789\nCOMPOUNDMIN 1\nONLYINCOMPOUND c\nCOMPOUNDRULE 2\nCOMPOUNDRULE n*1t\nCOMPOUNDRULE n*mp\n",
            "11\n0/nm\n1/n1\n2/nm\n3/nm\n1st/p\n2nd/p\n3rd/p\n0th/pt\n1th/tc\n2th/tc\n3th/tc\n",
            ["1st", "21st", "11th", "111th", "20th", "32nd", "21"],
            ["1th", "21th", "11st", "2st"]
        },
        {
            "capitalisation",
            "SET UTF-8\nSFX S Y 1\nSFX S 0 es .\n",
            "4\nLondon\ntable\nNATO/S\nOpenOffice\n",
            ["London", "LONDON", "table", "Table", "TABLE", "NATO", "NATOes", "NATOES", "OpenOffice", "OPENOFFICE"],
            ["london", "Natoes", "nato", "Openoffice", "tABLE"]
        },
        {
            "an 8-bit encoding (ISO8859-2)",
            "SET ISO8859-2\nSFX A Y 1\nSFX A ć cie ć\n",
            "1\nmieć/A\n",
            ["mieć", "miecie", "MIEĆ"],
            ["miec", "miećcie"]
        },
    };

    [SkippableTheory]
    [MemberData(nameof(Features))]
    public void Feature_accepts_and_rejects_as_Hunspell(string feature, string aff, string dic, string[] good, string[] bad)
    {
        using var folder = new TempFolder();
        var encoding = aff.Contains("ISO8859-2", StringComparison.Ordinal) ? Latin2() : new UTF8Encoding(false);
        var affPath = folder.WriteBytes("test.aff", encoding.GetBytes(aff));
        var dicPath = folder.WriteBytes("test.dic", encoding.GetBytes(dic));
        var speller = HunspellSpeller.Load(affPath, dicPath);

        Assert.All(good, w => Assert.True(speller.Check(w), $"{feature}: \"{w}\" should be accepted"));
        Assert.All(bad, w => Assert.False(speller.Check(w), $"{feature}: \"{w}\" should be rejected"));

        Skip.If(HunspellOracle.MissingReason is not null, HunspellOracle.MissingReason);
        var rejected = HunspellOracle.Rejected(Path.Combine(folder.Path, "test"), good.Concat(bad));
        Assert.Equal(bad.Order(StringComparer.Ordinal), rejected.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Hunspell 1.7.1, the reference installed here, still accepts a circumfix prefix without its
    /// suffix ("gemach"); later Hunspell and the format's manual reject it, and so does the engine.
    /// </summary>
    [Fact]
    public void A_circumfix_prefix_needs_its_suffix()
    {
        using var folder = new TempFolder();
        var speller = HunspellSpeller.Load(
            folder.Write("test.aff", "SET UTF-8\nCIRCUMFIX Z\nPFX P Y 1\nPFX P 0 ge/Z .\nSFX S Y 1\nSFX S 0 t/Z .\n"),
            folder.Write("test.dic", "1\nmach/PS\n"));
        Assert.False(speller.Check("gemach"));
        Assert.True(speller.Check("gemacht"));
    }

    [Theory]
    [InlineData("pl_PL", "Warszawa", true)]
    [InlineData("pl_PL", "WARSZAWA", true)]
    [InlineData("pl_PL", "gdańsk", false)]
    [InlineData("pl_PL", "zażółć", true)]
    [InlineData("pl_PL", "dziekujemy", false)]
    [InlineData("pl_PL", "nieprzemakalny", true)]
    [InlineData("ru_RU", "Здравствуйте", true)]
    [InlineData("ru_RU", "здраствуйте", false)]
    [InlineData("ru_RU", "ёлка", true)]
    [InlineData("it_IT", "dell'acciaieria", true)]
    [InlineData("it_IT", "l'ordine", true)]
    [InlineData("it_IT", "perché", true)]
    [InlineData("it_IT", "perchè", false)]
    [InlineData("en_GB", "colour", true)]
    [InlineData("en_GB", "21st", true)]
    [InlineData("en_GB", "21th", false)]
    [InlineData("en_GB", "it’s", true)]
    [InlineData("en_GB", "recieve", false)]
    [InlineData("en_GB", "e.g.", true)]
    public void Shipped_dictionaries_know_their_language(string dictionary, string word, bool correct) =>
        Assert.Equal(correct, Shipped(dictionary).Check(word));

    [Theory]
    [InlineData("pl_PL", "dziekujemy", "dziękujemy")]
    [InlineData("pl_PL", "zamowienie", "zamówienie")]
    [InlineData("pl_PL", "platnosc", "płatność")]
    [InlineData("pl_PL", "Dziekujemy", "Dziękujemy")]
    [InlineData("ru_RU", "здраствуйте", "здравствуйте")]
    [InlineData("ru_RU", "благодорим", "благодарим")]
    [InlineData("ru_RU", "отказатся", "отказаться")]
    [InlineData("it_IT", "perchè", "perché")]
    [InlineData("it_IT", "grazzie", "grazie")]
    [InlineData("it_IT", "programata", "programmata")]
    [InlineData("en_GB", "recieve", "receive")]
    [InlineData("en_GB", "definately", "definitely")]
    [InlineData("en_GB", "accomodate", "accommodate")]
    [InlineData("en_GB", "teh", "the")]
    [InlineData("en_GB", "RECIEVE", "RECEIVE")]
    public void Top_suggestion_for_a_common_typo_is_the_right_word(string dictionary, string typo, string expected) =>
        Assert.Equal(expected, Shipped(dictionary).Suggest(typo) is [var first, ..] ? first : null);

    // Russian's TRY has no ё: a one-letter edit still tries it, since many of the dictionary's words have it.
    [Theory]
    [InlineData("ru_RU", "водоподъъма", "водоподъёма")]
    [InlineData("ru_RU", "перехлстываться", "перехлёстываться")]
    [InlineData("ru_RU", "сомкнктся", "сомкнётся")]
    public void A_one_letter_edit_tries_the_letters_TRY_leaves_out(string dictionary, string typo, string expected) =>
        Assert.Contains(expected, Shipped(dictionary).Suggest(typo));

    // A capitalised typo of a name is looked up among capitalised entries, which its lower-case edits never are.
    [Theory]
    [InlineData("ru_RU", "Моска", "Москва")]
    [InlineData("it_IT", "Mialno", "Milano")]
    [InlineData("it_IT", "Veneia", "Venezia")]
    [InlineData("pl_PL", "Warszwa", "Warszawa")]
    [InlineData("en_GB", "Londn", "London")]
    [InlineData("it_IT", "ROSSAO", "ROSSANO")]
    [InlineData("pl_PL", "WARSZWA", "WARSZAWA")]
    public void A_capitalised_typo_of_a_name_suggests_the_name(string dictionary, string typo, string expected) =>
        Assert.Contains(expected, Shipped(dictionary).Suggest(typo));

    [Theory]
    [InlineData("SET WINDOWS-1234\n", "1\nx\n", "test.aff(1,5): SET names the encoding 'WINDOWS-1234'")]
    [InlineData("SET UTF-8\nSFX A Y 2\nSFX A 0 s .\n", "1\nx\n", "test.aff(2,1): SFX A announces 2 entries but the file ends after 1")]
    [InlineData("SET UTF-8\nSFX A Y 1\nSFX B 0 s .\n", "1\nx\n", "test.aff(3,1): entry 1 of 1 of SFX A should read")]
    [InlineData("SET UTF-8\nFLAG long\nSFX Aa Y 1\nSFX Aa 0 s/B .\n", "1\nx\n", "test.aff(4,")]
    [InlineData("SET UTF-8\nREP 2\nREP a b\n", "1\nx\n", "test.aff(2,1): REP announces 2 lines but the file ends after 1")]
    [InlineData("SET UTF-8\n", "words\nx\n", "test.dic(1,1): the first line of a .dic file must be the number of words")]
    [InlineData("SET UTF-8\nAF 1\nAF A\n", "2\nx/1\ny/7\n", "test.dic(3,3): '7' is not an AF alias number (1 to 1)")]
    public void A_dictionary_it_cannot_read_is_an_error_naming_the_line(string aff, string dic, string expected)
    {
        using var folder = new TempFolder();
        var affPath = folder.Write("test.aff", aff);
        var dicPath = folder.Write("test.dic", dic);
        var error = Assert.Throws<DictionaryFormatException>(() => HunspellSpeller.Load(affPath, dicPath));
        Assert.Contains(expected, error.Message.Replace(folder.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Checking_a_word_allocates_nothing()
    {
        var speller = Shipped("pl_PL");
        string[] words = ["okno", "Okna", "nieprzemakalnymi", "dziekujemy", "WARSZAWA", "biało-czerwony"];
        foreach (var word in words)
        {
            speller.Check(word);
        }

        // The JIT's one-off work (tiering up this loop or the speller) can allocate on this thread during a pass;
        // an allocation per check shows in every pass, so one clean pass out of five is the proof.
        long allocated = -1;
        for (var pass = 0; pass < 5 && allocated != 0; pass++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                foreach (var word in words)
                {
                    speller.Check(word);
                }
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0, allocated);
    }

    internal static HunspellSpeller Shipped(string name) => ShippedSpellers.Get(name);

    private static Encoding Latin2()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("iso-8859-2");
    }
}

/// <summary>The shipped dictionaries, loaded once for all tests.</summary>
internal static class ShippedSpellers
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<HunspellSpeller>> Loaded = new();

    public static HunspellSpeller Get(string name) => Loaded.GetOrAdd(name, n => new Lazy<HunspellSpeller>(() =>
    {
        var folder = CommsLinter.Spelling.SpellingDictionaries.ShippedFolder;
        return HunspellSpeller.Load(Path.Combine(folder, n + ".aff"), Path.Combine(folder, n + ".dic"));
    })).Value;
}
