using System.Runtime.CompilerServices;
namespace CommsLinter.Spelling.Hunspell;

/// <summary>
/// The dictionary's stems in one character buffer with an open-addressing hash over it: each slot
/// holds a word's hash and index together, so a probe rarely touches the entries or the text, and
/// a lookup takes a span and allocates nothing. Entries with the same text (homonyms) are chained
/// in the order the .dic file lists them, which is the order Hunspell tries them in.
/// </summary>
internal sealed class WordTable
{
    private char[] _text;
    private int _textLength;
    private Entry[] _entries;

    // (hash << 32) | (index + 1); 0 marks an empty slot.
    private long[] _slots;
    private int _mask;
    private int _heads;

    public WordTable(int expectedWords)
    {
        var size = 1 << Math.Max(4, (int)Math.Ceiling(Math.Log2(Math.Max(16, expectedWords) * 2.0)));
        _slots = new long[size];
        _mask = size - 1;
        _entries = new Entry[Math.Max(16, expectedWords)];
        _text = new char[Math.Max(1024, expectedWords * 10)];
    }

    public int Count { get; private set; }

    public ReadOnlySpan<char> TextOf(int entry) => _text.AsSpan(_entries[entry].Start, _entries[entry].Length);

    public int FlagsOf(int entry) => _entries[entry].Flags;

    public int NextHomonym(int entry) => _entries[entry].NextHomonym;

    /// <summary>The first entry spelled <paramref name="word"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> word) => Find(word, Hash(word), out _);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Find(ReadOnlySpan<char> word, int hash, out int emptySlot)
    {
        for (var i = hash & _mask; ; i = (i + 1) & _mask)
        {
            var slot = _slots[i];
            if (slot == 0)
            {
                emptySlot = i;
                return -1;
            }

            if ((int)(slot >> 32) == hash)
            {
                var e = (int)slot - 1;
                ref var entry = ref _entries[e];
                if (_text.AsSpan(entry.Start, entry.Length).SequenceEqual(word))
                {
                    emptySlot = -1;
                    return e;
                }
            }
        }
    }

    /// <summary>
    /// Adds a stem. A hidden capitalised form (Hunspell's ONLYUPCASE homonym, which lets
    /// "OPENOFFICE.ORG" match "OpenOffice.org") is added only where no entry of that text exists,
    /// and a real entry takes over a hidden one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<char> word, int flags, bool hidden, FlagSets sets)
    {
        var hash = Hash(word);
        var first = Find(word, hash, out var emptySlot);
        if (first >= 0)
        {
            var last = first;
            while (_entries[last].NextHomonym >= 0)
            {
                last = _entries[last].NextHomonym;
            }

            if (hidden)
            {
                return;
            }

            if (sets.Has(_entries[last].Flags, FlagParser.OnlyUpcase))
            {
                _entries[last].Flags = flags;
                return;
            }

            if (_entries[last].Flags == 0 && flags == 0)
            {
                return;
            }

            var added = Append(word, flags);
            _entries[last].NextHomonym = added;
            return;
        }

        var index = Append(word, flags);
        _slots[emptySlot] = Slot(hash, index);
        if (++_heads > _slots.Length / 2)
        {
            Rehash();
        }
    }

    private static long Slot(int hash, int index) => ((long)hash << 32) | (uint)(index + 1);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Append(ReadOnlySpan<char> word, int flags)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        if (_textLength + word.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + word.Length));
        }

        word.CopyTo(_text.AsSpan(_textLength));
        _entries[Count] = new Entry { Start = _textLength, Length = word.Length, Flags = flags, NextHomonym = -1 };
        _textLength += word.Length;
        return Count++;
    }

    private void Rehash()
    {
        var old = _slots;
        _slots = new long[old.Length * 2];
        _mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot != 0)
            {
                var i = (int)(slot >> 32) & _mask;
                while (_slots[i] != 0)
                {
                    i = (i + 1) & _mask;
                }

                _slots[i] = slot;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Hash(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15));
    }

    private struct Entry
    {
        public int Start;
        public int Length;
        public int Flags;
        public int NextHomonym;
    }
}
