using CommsLinter.Diagnostics;
using CommsLinter.Pipeline;

namespace CommsLinter.Engine;

/// <summary>
/// A built-in check as the registry holds it: the rules it reports, and how a configuration builds it.
/// A check that runs per document and across documents is one registration; the configuration puts it
/// in both lists.
/// </summary>
internal sealed class BuiltinCheck
{
    private readonly Func<Configuration, object?> _create;

    private BuiltinCheck(IReadOnlyList<RuleDescriptor> rules, Func<Configuration, object?> create)
    {
        Rules = rules;
        _create = create;
    }

    public IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>A check that needs nothing from the configuration.</summary>
    public static BuiltinCheck Of<TCheck>()
        where TCheck : class, IBuiltinCheck, new() => Of(_ => new TCheck());

    /// <param name="create">Builds the check from what the configuration holds; returns null when the check cannot run with it.</param>
    public static BuiltinCheck Of<TCheck>(Func<Configuration, TCheck?> create)
        where TCheck : class, IBuiltinCheck => new(TCheck.Descriptors, create);

    /// <summary>The check for <paramref name="configuration"/>, an <see cref="IDocumentCheck"/>, an <see cref="ICorpusCheck"/> or both; null when it cannot run.</summary>
    internal object? CreateFor(Configuration configuration) => _create(configuration);
}
