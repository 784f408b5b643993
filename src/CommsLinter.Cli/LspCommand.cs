using System.CommandLine;
using CommsLinter.LanguageServer;

namespace CommsLinter.Cli;

/// <summary><c>commslint lsp</c>: the language server on standard input and output, for editors (docs/editor.md).</summary>
internal static class LspCommand
{
    public static Command Create(TextWriter error)
    {
        var stdio = new Option<bool>("--stdio") { Description = "Talk over standard input and output (the only transport, and the default; accepted because editors pass it)." };
        var command = new Command("lsp",
            "Run the language server (Language Server Protocol 3.17, JSON-RPC over standard input and output) for an editor: findings as you type, " +
            "on the unsaved text, with quick fixes, hover and go to the rule. Started by the VS Code extension (editors/vscode) or any LSP client; " +
            "each workspace folder is checked like `commslint check` run there. docs/editor.md.\n\n" +
            "Example (what an editor runs):\n  commslint lsp")
        {
            stdio,
        };
        command.SetAction(async (_, cancel) =>
        {
            // Standard output carries the protocol: nothing else may write to it.
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            Console.SetOut(error);
            return await LanguageServerHost.RunAsync(input, output, DocPages.Address, error).ConfigureAwait(false);
        });
        return command;
    }
}
