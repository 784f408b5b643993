using CommsLinter.Diagnostics;
using CommsLinter.Spelling;
using CommsLinter.Text;

namespace CommsLinter.Rules.Style;

/// <summary>
/// What a rule kind binds its parsed body with (<see cref="BindRule"/>). The style-guide compiler
/// implements it once all guides are read, so a body can name a fact or rely on a word accepted in
/// any guide. Errors are reported where they were written, with the same codes and did-you-mean as
/// the rest of the DSL; a rule whose binding reported one is left out.
/// </summary>
public abstract class RuleBinder
{
    /// <summary>The rule's id, severity, message, condition and scope, as its guide wrote them.</summary>
    public abstract StyleRuleHeader Header { get; }

    /// <summary>Words the guides accept (vocabulary <c>accept</c>): never caps words, never misspelled.</summary>
    public abstract IReadOnlySet<string> AcceptedWords { get; }

    /// <summary>Abbreviations whose dot does not end a sentence, per locale: the shipped ones and the guides'.</summary>
    public abstract SentenceAbbreviations Abbreviations { get; }

    /// <summary>Where spelling finds its dictionaries: the shipped ones unless the run says otherwise.</summary>
    public abstract SpellingDictionaries Dictionaries { get; }

    /// <summary>Compiles patterns once for the whole run; an invalid regex is reported (DSL003) and left out.</summary>
    public abstract IReadOnlyList<TextPattern> Patterns(IReadOnlyList<PatternSyntax> patterns);

    /// <summary>A term that matches every form of its words, from the dictionaries of the texts' locales; null after reporting a term that cannot be inflected.</summary>
    public abstract InflectedTerm? Inflected(Located term);

    /// <summary>The fact of that name in any guide, or null after reporting an unknown fact (DSL011) with did-you-mean.</summary>
    public abstract Fact? Fact(Located name);

    /// <summary>Reports an error in the rule's guide; the rule is then left out.</summary>
    public abstract void Report(RuleDescriptor code, TextRange range, string message);
}
