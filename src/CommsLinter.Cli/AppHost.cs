namespace CommsLinter.Cli;

/// <summary>
/// What the command line takes from the machine it runs on, in one place so that tests can give their
/// own: the clock, environment variables, how long a run waits before it shows a progress bar, and a
/// way to stop a command that runs until stopped (<c>check --watch</c>; Ctrl+C stops it too).
/// </summary>
internal sealed record AppHost(TimeProvider Time, Func<string, string?> Variable, TimeSpan ProgressAfter)
{
    public static AppHost System { get; } = new(TimeProvider.System, Environment.GetEnvironmentVariable, TimeSpan.FromSeconds(1));

    /// <summary>Stops a command that runs until stopped, besides Ctrl+C.</summary>
    public CancellationToken Stop { get; init; }

    /// <summary>Colour on a terminal, unless NO_COLOR is set (no-color.org).</summary>
    public bool UseColor(bool onTerminal) => onTerminal && string.IsNullOrEmpty(Variable("NO_COLOR"));
}
