using System.Text.Json.Nodes;

namespace Neyman.Cli.Tests.Evaluation;

/// <summary>The <c>--model</c> path of <c>neyman evaluate</c>: the model scores the events itself.</summary>
public sealed class EvaluateWithModelTests
{
    [Fact]
    public void Scoring_with_the_model_gives_the_same_metrics_as_scoring_with_predict_first()
    {
        using var folder = new TemporaryFolder();
        string F(string name) => folder.File(name);
        Assert.Equal(0, CliRunner.Run("generate", "higgs", "--events", "3000", "--seed", "5", "--output", F("train.parquet")).ExitCode);
        Assert.Equal(0, CliRunner.Run("generate", "higgs", "--events", "2000", "--seed", "6", "--output", F("test.parquet")).ExitCode);
        Assert.Equal(0, CliRunner.Run("train", "bdt", "--data", F("train.parquet"), "--trees", "10", "--output", F("bdt.json")).ExitCode);
        Assert.Equal(0, CliRunner.Run("predict", "--model", F("bdt.json"), "--data", F("test.parquet"), "--output", F("scores.parquet")).ExitCode);

        var viaModel = CliRunner.Run("evaluate", "--model", F("bdt.json"), "--data", F("test.parquet"), "--train-data", F("train.parquet"),
            "--output", F("model-report"), "--bootstrap", "20");
        var viaScores = CliRunner.Run("evaluate", "--scores", F("scores.parquet"), "--output", F("scores-report"), "--bootstrap", "20");

        Assert.True(viaModel.ExitCode == 0, viaModel.Error);
        Assert.True(viaScores.ExitCode == 0, viaScores.Error);
        var a = JsonNode.Parse(File.ReadAllText(Path.Combine(F("model-report"), "metrics.json")))!;
        var b = JsonNode.Parse(File.ReadAllText(Path.Combine(F("scores-report"), "metrics.json")))!;
        Assert.Equal(b["auc"]!.GetValue<double>(), a["auc"]!.GetValue<double>());
        Assert.Equal(b["ams"]!.GetValue<double>(), a["ams"]!.GetValue<double>());
        Assert.InRange(a["auc"]!.GetValue<double>(), 0.7, 1.0);
        // With training events the overtraining test runs; without it the key is absent.
        Assert.InRange(a["ks_pvalue"]!.GetValue<double>(), 0.0, 1.0);
        Assert.Null(b["ks_pvalue"]);
    }

    [Fact]
    public void Permutation_importance_ranks_the_features_the_model_uses()
    {
        using var folder = new TemporaryFolder();
        string F(string name) => folder.File(name);
        Assert.Equal(0, CliRunner.Run("generate", "higgs", "--events", "3000", "--seed", "7", "--output", F("train.parquet")).ExitCode);
        Assert.Equal(0, CliRunner.Run("generate", "higgs", "--events", "1500", "--seed", "8", "--output", F("test.parquet")).ExitCode);
        // A model on two features only: the one it splits on most must matter, a column it never sees cannot.
        Assert.Equal(0, CliRunner.Run("train", "bdt", "--data", F("train.parquet"), "--features", "m_wwbb,lepton_phi", "--trees", "10",
            "--output", F("bdt.json")).ExitCode);

        var result = CliRunner.Run("evaluate", "--model", F("bdt.json"), "--data", F("test.parquet"), "--output", F("report"),
            "--bootstrap", "0", "--importance", "3", "--seed", "2");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("permutation importance", result.Out);
        var ranking = JsonNode.Parse(File.ReadAllText(Path.Combine(F("report"), "importance.json")))!.AsArray();
        Assert.Equal(["m_wwbb", "lepton_phi"], ranking.Select(r => r!["feature"]!.GetValue<string>()));
        Assert.True(ranking[0]!["auc_decrease"]!.GetValue<double>() > 0.05, "shuffling m_wwbb must cost AUC");
        Assert.True(ranking[0]!["auc_decrease"]!.GetValue<double>() > ranking[1]!["auc_decrease"]!.GetValue<double>());
    }

    [Fact]
    public void Permutation_importance_needs_a_model()
    {
        using var folder = new TemporaryFolder();

        var result = CliRunner.Run("evaluate", "--scores", folder.File("scores.parquet"), "--output", folder.File("report"), "--importance", "3");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--importance", result.Error);
        Assert.Contains("together with --model and --data", result.Error);
    }

    [Fact]
    public void A_model_without_events_to_score_is_bad_input()
    {
        using var folder = new TemporaryFolder();

        var result = CliRunner.Run("evaluate", "--model", folder.File("bdt.json"), "--output", folder.File("report"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--model needs the events to score: expected --data FILE", result.Error);
        Assert.False(Directory.Exists(folder.File("report")));
    }
}
