using CommsLinter.Text;

namespace CommsLinter.Diagnostics;

/// <summary>
/// A change that resolves a finding: edits applied together, never one without the others.
/// <see cref="Safe"/> fixes are what <c>check --fix</c> applies unattended; the others (a spelling
/// suggestion) are offered for a person to choose. Checks make fixes through <see cref="SegmentFix"/>,
/// which refuses any edit that would touch Liquid, markup or front-matter keys.
/// </summary>
public sealed record Fix(string Description, IReadOnlyList<TextEdit> Edits, bool Safe)
{
    public bool Equals(Fix? other) =>
        other is not null && Description == other.Description && Safe == other.Safe && Edits.SequenceEqual(other.Edits);

    public override int GetHashCode() => HashCode.Combine(Description, Safe, Edits.Count);
}

/// <summary>
/// Replace the text at <see cref="Range"/> (offsets into the checked text of the file, what applying
/// needs) with <see cref="NewText"/>; <see cref="Location"/> is the same span as lines and columns,
/// what reports and editors need.
/// </summary>
public sealed record TextEdit(TextRange Range, Location Location, string NewText);
