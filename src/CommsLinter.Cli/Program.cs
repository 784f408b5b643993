using System.Text;
using CommsLinter.Cli;

// Output to a file, a pipe or a CI log goes through one buffer: the console's own writer flushes on
// every write, which is a system call per finding (0.2 s for 3,000 findings).
var output = Console.IsOutputRedirected
    ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16)
    : Console.Out;
try
{
    return CommsLintApp.Run(args, output, Console.Error, Environment.CurrentDirectory, interactive: !Console.IsOutputRedirected && !Console.IsErrorRedirected);
}
finally
{
    output.Flush();
}
