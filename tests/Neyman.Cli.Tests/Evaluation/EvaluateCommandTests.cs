using System.Text.Json;
using Neyman.Events.IO;
using Neyman.Learning.Evaluation;

namespace Neyman.Cli.Tests.Evaluation;

public sealed class EvaluateCommandTests
{
    [Fact]
    public void WritesTheReportMetricsAndChartsFromAScoresFile()
    {
        using var folder = new TemporaryFolder();
        var scores = EvaluationFiles.Write(folder, "test.parquet", EvaluationFiles.Scored(3000, 1));
        var train = EvaluationFiles.Write(folder, "train.csv", EvaluationFiles.Scored(3000, 2));
        var output = folder.File("report");

        var result = CliRunner.Run("evaluate", "--scores", scores, "--train-scores", train, "--output", output, "--bootstrap", "50", "--seed", "3");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("AUC = ", result.Out);
        foreach (var name in new[] { "report.html", "metrics.json", "roc.png", "roc.svg", "roc_rejection.png", "scores_train_test.png", "ams.png", "feature_m_bb.svg", "feature_pt.png" })
        {
            Assert.True(File.Exists(Path.Combine(output, name)), name + " is missing");
        }
        Assert.Empty(Directory.GetFiles(output, "*.tmp"));
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")));
        var root = metrics.RootElement;
        // The numbers are the library's for the same file.
        var sample = BinaryScores.FromTable(EventFile.Read(scores), "score");
        var trainSample = BinaryScores.FromTable(EventFile.Read(train), "score");
        Assert.Equal(AreaUnderCurve.Compute(sample), root.GetProperty("auc").GetDouble());
        Assert.Equal(AreaUnderCurve.Estimate(sample, 50, 3).Uncertainty, root.GetProperty("auc_uncertainty").GetDouble());
        var scan = ApproximateMedianSignificance.Scan(sample);
        Assert.Equal(scan.BestAms, root.GetProperty("ams").GetDouble());
        Assert.Equal(scan.BestThreshold, root.GetProperty("ams_threshold").GetDouble());
        var roc = RocCurve.From(sample);
        var efficiencies = root.GetProperty("signal_efficiency_at_background_rejection");
        Assert.Equal(roc.SignalEfficiencyAtBackgroundRejection(100), efficiencies.GetProperty("100").GetDouble());
        Assert.True(efficiencies.TryGetProperty("10", out _) && efficiencies.TryGetProperty("1000", out _));
        Assert.Equal(OvertrainingCheck.Compare(trainSample, sample).MinimumPValue, root.GetProperty("ks_pvalue").GetDouble());
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains($"<td id=\"metric-auc\">{AreaUnderCurve.Compute(sample):F6}</td>", html);
        Assert.Contains("<caption>signal</caption>", html);
        Assert.Contains("<caption>background</caption>", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public void WithoutTrainingScoresThereIsNoKsValue()
    {
        using var folder = new TemporaryFolder();
        var scores = EvaluationFiles.Write(folder, "test.csv", EvaluationFiles.Scored(500, 4));
        var result = CliRunner.Run("evaluate", "--scores", scores, "--output", folder.File("out"), "--bootstrap", "0");
        Assert.True(result.ExitCode == 0, result.Error);
        using var metrics = JsonDocument.Parse(File.ReadAllText(folder.File("out/metrics.json")));
        Assert.False(metrics.RootElement.TryGetProperty("ks_pvalue", out _));
        Assert.Equal(0, metrics.RootElement.GetProperty("auc_uncertainty").GetDouble());
        Assert.True(File.Exists(folder.File("out/scores.png")));
    }

    [Fact]
    public void AsimovSignificanceTakesTheBackgroundUncertainty()
    {
        using var folder = new TemporaryFolder();
        var scores = EvaluationFiles.Write(folder, "test.csv", EvaluationFiles.Scored(800, 9));
        var result = CliRunner.Run("evaluate", "--scores", scores, "--output", folder.File("out"), "--bootstrap", "0", "--background-uncertainty", "0.2");
        Assert.True(result.ExitCode == 0, result.Error);
        using var metrics = JsonDocument.Parse(File.ReadAllText(folder.File("out/metrics.json")));
        var root = metrics.RootElement;
        var s = root.GetProperty("ams_selected_signal").GetDouble();
        var b = root.GetProperty("ams_selected_background").GetDouble();
        Assert.Equal(AsimovSignificance.Compute(s, b, 0.2 * b), root.GetProperty("asimov_significance").GetDouble());
        Assert.Equal(0.2, root.GetProperty("asimov_relative_background_uncertainty").GetDouble());
        var bad = CliRunner.Run("evaluate", "--scores", scores, "--output", folder.File("out"), "--background-uncertainty", "-1");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--background-uncertainty: got -1; expected a finite, non-negative relative uncertainty", bad.Error);
    }

    [Fact]
    public void ASingleClassIsExitCodeTwo()
    {
        using var folder = new TemporaryFolder();
        var scores = EvaluationFiles.Write(folder, "test.csv", EvaluationFiles.Scored(10, 5, labels: Enumerable.Repeat(1.0, 10).ToArray()));
        var result = CliRunner.Run("evaluate", "--scores", scores, "--output", folder.File("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(scores + ": the sample has only signal (label 1)", result.Error);
        Assert.False(File.Exists(folder.File("out/report.html")));
    }

    [Fact]
    public void WeightsSummingToZeroAreExitCodeTwo()
    {
        using var folder = new TemporaryFolder();
        double[] weights = [1, 1, -1, 2, 0, 3];
        var scores = EvaluationFiles.Write(folder, "test.csv", EvaluationFiles.Scored(6, 6, labels: [1, 0, 1, 0, 1, 0], weights: weights));
        var result = CliRunner.Run("evaluate", "--scores", scores, "--output", folder.File("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the signal weights sum to 0; expected a positive sum", result.Error);
    }

    [Fact]
    public void AMissingScoreColumnNamesTheColumns()
    {
        using var folder = new TemporaryFolder();
        var scores = EvaluationFiles.Write(folder, "test.csv", EvaluationFiles.Scored(10, 7));
        var result = CliRunner.Run("evaluate", "--scores", scores, "--score-column", "bdt", "--output", folder.File("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("column 'bdt': there is no column 'bdt'; the columns are: score, label, weight, m_bb, pt", result.Error);
    }

    [Fact]
    public void NoInputIsExitCodeTwo()
    {
        using var folder = new TemporaryFolder();
        var result = CliRunner.Run("evaluate", "--output", folder.File("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("expected --scores FILE, or --model M with --data FILE", result.Error);
        var model = CliRunner.Run("evaluate", "--model", folder.File("m.json"), "--output", folder.File("out"));
        Assert.Equal(2, model.ExitCode);
        Assert.Contains("--model needs the events to score", model.Error);
        var missing = CliRunner.Run("evaluate", "--model", folder.File("m.json"), "--data", folder.File("d.csv"), "--output", folder.File("out"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("m.json: the model file does not exist", missing.Error);
        var both = CliRunner.Run("evaluate", "--scores", folder.File("s.csv"), "--model", folder.File("m.json"), "--output", folder.File("out"));
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("not both", both.Error);
    }
}
