using System.Runtime.CompilerServices;
namespace CommsLinter.Spelling.Hunspell;

/// <summary>Hunspell's capitalisation classes of a word.</summary>
internal enum CapType
{
    /// <summary>no capitals: "okno"</summary>
    None,

    /// <summary>first letter only: "Okno"</summary>
    Initial,

    /// <summary>every cased letter: "OKNO", "NIP-7"</summary>
    All,

    /// <summary>capitals inside, not first: "eBay"</summary>
    Mixed,

    /// <summary>first letter and others: "OpenOffice"</summary>
    MixedInitial,
}

internal static class Casing
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CapType Classify(ReadOnlySpan<char> word)
    {
        int capitals = 0, neutral = 0;
        foreach (var c in word)
        {
            var lower = char.ToLowerInvariant(c);
            if (c != lower)
            {
                capitals++;
            }

            if (char.ToUpperInvariant(c) == lower)
            {
                neutral++;
            }
        }

        if (capitals == 0)
        {
            return CapType.None;
        }

        var firstCapital = word[0] != char.ToLowerInvariant(word[0]);
        if (capitals == 1 && firstCapital)
        {
            return CapType.Initial;
        }

        if (capitals == word.Length || capitals + neutral == word.Length)
        {
            return CapType.All;
        }

        return capitals > 1 && firstCapital ? CapType.MixedInitial : CapType.Mixed;
    }

    public static void ToLower(ReadOnlySpan<char> word, Span<char> into)
    {
        for (var i = 0; i < word.Length; i++)
        {
            into[i] = char.ToLowerInvariant(word[i]);
        }
    }

    /// <summary>Lower case with a capital first letter ("OKNO" becomes "Okno").</summary>
    public static void ToInitialCapital(ReadOnlySpan<char> word, Span<char> into)
    {
        ToLower(word, into);
        if (word.Length > 0)
        {
            into[0] = char.ToUpperInvariant(into[0]);
        }
    }

    public static string ToInitialCapital(string word)
    {
        Span<char> buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        ToInitialCapital(word, buffer);
        return new string(buffer);
    }

    public static string Capitalise(string word) =>
        word.Length == 0 ? word : string.Concat(char.ToUpperInvariant(word[0]).ToString(), word.AsSpan(1));
}
