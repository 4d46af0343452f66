using System.Text.Json.Nodes;

namespace Neyman.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public void Runs_the_chain_from_simulation_to_an_expected_limit()
    {
        using var folder = new TemporaryFolder();
        var output = folder.File("demo");

        var result = CliRunner.Run("demo", "--output", output, "--events", "4000", "--trees", "20", "--seed", "3");

        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var name in new[] { "train.parquet", "test.parquet", "bdt.json", "scores.parquet", "workspace.json", "limit.json", "report/report.html", "report/metrics.json" })
        {
            Assert.True(File.Exists(Path.Combine(output, name)), name + " is missing");
        }
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "report", "metrics.json")))!;
        Assert.InRange(metrics["auc"]!.GetValue<double>(), 0.75, 1.0);
        var limit = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "limit.json")))!;
        var expected = limit["exp_limits"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.Equal(5, expected.Length);
        Assert.True(expected.Zip(expected.Skip(1)).All(p => p.First < p.Second), "the expected band must be ordered");
        // The observed data are the background expectation, so the observed limit is the median expected one.
        Assert.Equal(expected[2], limit["obs_limit"]!.GetValue<double>(), 1e-6);
        var workspace = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "workspace.json")))!;
        var signal = workspace["channels"]![0]!["samples"]![0]!["data"]!.AsArray().Sum(v => v!.GetValue<double>());
        Assert.Equal(50, signal, 1e-3);
    }

    [Fact]
    public void Too_few_events_is_bad_input()
    {
        using var folder = new TemporaryFolder();

        var result = CliRunner.Run("demo", "--output", folder.File("demo"), "--events", "10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--events", result.Error);
        Assert.Contains("at least 1000 events", result.Error);
    }
}
