using CommsLinter.Cli;

return CommsLintApp.Run(args, Console.Out, Console.Error, Environment.CurrentDirectory, interactive: !Console.IsOutputRedirected && !Console.IsErrorRedirected);
