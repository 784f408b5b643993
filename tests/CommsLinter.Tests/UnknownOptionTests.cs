using CommsLinter.Tests.Support;

namespace CommsLinter.Tests;

/// <summary>An option a command does not take is an unknown option, never a path or a word to look for.</summary>
public sealed class UnknownOptionTests
{
    [Theory]
    [InlineData("baseline --no-progress", "unknown option '--no-progress' for 'baseline'. It is an option of 'check'. Run 'commslint baseline --help' for its options (a file whose name starts with '-' goes after '--').")]
    [InlineData("check --no-progres", "unknown option '--no-progres' for 'check'. Did you mean '--no-progress'?")]
    [InlineData("check --out=report", "unknown option '--out' for 'check'. It is an option of 'render', 'report' and 'baseline'.")]
    [InlineData("render content --sampel content/samples/order.json", "unknown option '--sampel' for 'render'. Did you mean '--sample'?")]
    [InlineData("report --fail-one error", "unknown option '--fail-one' for 'report'. Did you mean '--fail-on'?")]
    [InlineData("approve --bye A content/order/sms.pl.txt", "unknown option '--bye' for 'approve'. Did you mean '--by'?")]
    [InlineData("spell -l pl --styleguide styleguides", "unknown option '--styleguide' for 'spell'. Did you mean '--styleguides'?")]
    [InlineData("explain --verbose", "unknown option '--verbose' for 'explain'.")]
    [InlineData("extract -x", "unknown option '-x' for 'extract'.")]
    public void An_option_the_command_does_not_take_is_reported_as_unknown(string line, string message)
    {
        using var folder = Corpus();

        var result = CliRunner.Run(folder.Path, line.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"commslint: error: {message}", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(result.Output);
        Assert.False(File.Exists(Path.Combine(folder.Path, "commslint-baseline.json")));
    }

    [Fact]
    public void A_path_that_starts_with_a_dash_is_given_after_a_double_dash()
    {
        using var folder = Corpus();
        folder.Write("content/-drafts/sms.en.txt", TestCatalog.FrontMatter("sms", "en") + "Okna Nowak: your order is confirmed.\n");

        var unknown = CliRunner.Run(folder.Path, "check", "-drafts");
        var path = CliRunner.Run(Path.Combine(folder.Path, "content"), "check", "--format", "json", "--", "-drafts");

        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("commslint: error: unknown option '-drafts' for 'check'.", unknown.Error, StringComparison.Ordinal);
        Assert.True(path.ExitCode == 0, path.Error);
        Assert.Contains("\"files\": 1", path.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_value_that_starts_with_a_dash_is_left_to_its_option()
    {
        using var folder = Corpus();

        var result = CliRunner.Run(folder.Path, "check", "--changed-since=--output=leak.txt");

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("unknown option", result.Error, StringComparison.Ordinal);
    }

    private static TempFolder Corpus()
    {
        var folder = new TempFolder();
        folder.Write("content/touchpoints.yml", TestCatalog.Build(locales: "pl, en", channels: "email, sms"));
        folder.Write("content/order/sms.pl.txt", TestCatalog.FrontMatter("sms", "pl") + "Okna Nowak: zamówienie przyjęte.\n");
        return folder;
    }
}
