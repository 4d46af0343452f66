namespace Neyman.Cli.Tests;

public class ProgramTests
{
    [Fact]
    public void VersionPrintsTheAssemblyVersion()
    {
        var result = CliRunner.Run("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("0.1.0", result.Out.Trim());
    }

    [Fact]
    public void HelpListsThePurpose()
    {
        var result = CliRunner.Run("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("particle physics", result.Out);
    }

    [Fact]
    public void UnknownVerbIsBadInputWithExitCodeTwo()
    {
        var result = CliRunner.Run("no-such-verb");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-verb", result.Error);
        Assert.EndsWith("Run 'neyman --help' for usage.", result.Error.TrimEnd());
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void UnknownOptionPointsToTheVerbsHelp()
    {
        var result = CliRunner.Run("train", "bdt", "--bins", "10");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'--bins'", result.Error);
        Assert.EndsWith("Run 'neyman train bdt --help' for usage.", result.Error.TrimEnd());
    }
}
