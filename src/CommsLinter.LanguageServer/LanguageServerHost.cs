namespace CommsLinter.LanguageServer;

/// <summary>What a front end starts the language server with.</summary>
public static class LanguageServerHost
{
    /// <summary>Serves one editor over a pair of streams (standard input and output) until it exits.</summary>
    /// <param name="pageOfHelpPath">The address of a rule's documentation page (docs/rules/….md), or null when there is none.</param>
    /// <param name="log">Where the server says what the editor should not see in the protocol (standard error).</param>
    /// <returns>0 after the editor's shutdown request, 1 when it exited or went away without one.</returns>
    public static Task<int> RunAsync(Stream input, Stream output, Func<string, string?> pageOfHelpPath, TextWriter log) =>
        CommsLintLanguageServer.RunAsync(input, output, pageOfHelpPath, log);
}
