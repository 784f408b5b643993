namespace CommsLinter.Spelling.Hunspell;

/// <summary>
/// The dictionary's stems in one character buffer with an open hash over it: a lookup takes a span
/// and allocates nothing. Entries with the same text (homonyms) are chained in the order the .dic
/// file lists them, which is the order Hunspell tries them in.
/// </summary>
internal sealed class WordTable
{
    private char[] _text;
    private int _textLength;
    private Entry[] _entries;
    private int[] _buckets;
    private int _mask;

    public WordTable(int expectedWords)
    {
        var size = 1 << Math.Max(4, (int)Math.Ceiling(Math.Log2(Math.Max(16, expectedWords) * 1.5)));
        _buckets = new int[size];
        Array.Fill(_buckets, -1);
        _mask = size - 1;
        _entries = new Entry[Math.Max(16, expectedWords)];
        _text = new char[Math.Max(1024, expectedWords * 10)];
    }

    public int Count { get; private set; }

    public ReadOnlySpan<char> TextOf(int entry) => _text.AsSpan(_entries[entry].Start, _entries[entry].Length);

    public int FlagsOf(int entry) => _entries[entry].Flags;

    public int NextHomonym(int entry) => _entries[entry].NextHomonym;

    /// <summary>The first entry spelled <paramref name="word"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> word)
    {
        var hash = Hash(word);
        for (var e = _buckets[hash & _mask]; e >= 0; e = _entries[e].NextInBucket)
        {
            ref var entry = ref _entries[e];
            if (entry.Hash == hash && _text.AsSpan(entry.Start, entry.Length).SequenceEqual(word))
            {
                return e;
            }
        }

        return -1;
    }

    /// <summary>
    /// Adds a stem. A hidden capitalised form (Hunspell's ONLYUPCASE homonym, which lets
    /// "OPENOFFICE.ORG" match "OpenOffice.org") is added only where no entry of that text exists,
    /// and a real entry takes over a hidden one.
    /// </summary>
    public void Add(ReadOnlySpan<char> word, int flags, bool hidden, FlagSets sets)
    {
        var first = Find(word);
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

            var added = Append(word, flags, _entries[first].Hash);
            _entries[added].IsHomonym = true;
            _entries[last].NextHomonym = added;
            return;
        }

        var hash = Hash(word);
        var index = Append(word, flags, hash);
        _entries[index].NextInBucket = _buckets[hash & _mask];
        _buckets[hash & _mask] = index;
        if (Count > _buckets.Length * 3 / 4)
        {
            Rehash();
        }
    }

    private int Append(ReadOnlySpan<char> word, int flags, int hash)
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
        _entries[Count] = new Entry { Start = _textLength, Length = word.Length, Flags = flags, Hash = hash, NextInBucket = -1, NextHomonym = -1 };
        _textLength += word.Length;
        return Count++;
    }

    private void Rehash()
    {
        _buckets = new int[_buckets.Length * 2];
        Array.Fill(_buckets, -1);
        _mask = _buckets.Length - 1;
        for (var e = 0; e < Count; e++)
        {
            // Homonyms after the first are reached through their chain, not their bucket.
            if (!_entries[e].IsHomonym)
            {
                ref var entry = ref _entries[e];
                entry.NextInBucket = _buckets[entry.Hash & _mask];
                _buckets[entry.Hash & _mask] = e;
            }
        }
    }

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
        public int Hash;
        public int NextInBucket;
        public int NextHomonym;
        public bool IsHomonym;
    }
}
