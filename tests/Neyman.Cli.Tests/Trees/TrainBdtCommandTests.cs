using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Events.IO;
using Neyman.Events.Tables;
using Xunit;

namespace Neyman.Cli.Tests.Trees;

public sealed class TrainBdtCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("neyman-cli-bdt-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void TrainThenPredictCarriesLabelAndWeight()
    {
        var data = Write("train.csv", Events(600, 1));
        var validation = Write("valid.parquet", Events(300, 2));
        var model = Path.Combine(folder, "model.json");
        var trained = CliRunner.Run("train", "bdt", "--data", data, "--validation", validation, "--weight", "weight",
            "--trees", "10", "--depth", "3", "--learning-rate", "0.2", "--output", model, "--json");
        Assert.True(trained.ExitCode == 0, trained.Error);
        var summary = JsonNode.Parse(trained.Out.Trim().Split('\n')[^1])!.AsObject();
        Assert.Equal(10, summary["trees"]!.GetValue<int>());
        Assert.True(summary["train_seconds"]!.GetValue<double>() > 0);
        Assert.True(summary["samples_per_second"]!.GetValue<double>() > 0);
        Assert.InRange(summary["validation"]!["auc"]!.GetValue<double>(), 0.7, 1.0);
        Assert.Contains("[   10/10] training loss", trained.Error);
        var importance = summary["importance"]!.AsObject();
        Assert.Equal(["x", "y"], importance.Select(p => p.Key).Order());
        Assert.True(importance["x"]!["gain"]!.GetValue<double>() > importance["y"]!["gain"]!.GetValue<double>(), "x separates the classes, y is noise");

        var scores = Path.Combine(folder, "scores.parquet");
        var predicted = CliRunner.Run("predict", "--model", model, "--data", validation, "--output", scores);
        Assert.True(predicted.ExitCode == 0, predicted.Error);
        var table = EventFile.Read(scores);
        Assert.Equal(["score", "label", "weight"], table.ColumnNames);
        var direct = ((Learning.Trees.BoostedTreesModel)Learning.Models.ModelFile.Load(model)).Predict(EventFile.Read(validation));
        Assert.Equal(direct["score"].Float32Values, table["score"].Float32Values);
    }

    [Fact]
    public void QuantizedTrainingIsAnOptionWithTheSameRecordOfModel()
    {
        var data = Write("quantized.csv", Events(800, 5));
        var model = Path.Combine(folder, "quantized.json");
        var trained = CliRunner.Run("train", "bdt", "--data", data, "--trees", "8", "--depth", "3", "--gradient-levels", "4", "--output", model, "--json");
        Assert.True(trained.ExitCode == 0, trained.Error);
        var exact = Path.Combine(folder, "exact.json");
        Assert.Equal(0, CliRunner.Run("train", "bdt", "--data", data, "--trees", "8", "--depth", "3", "--output", exact).ExitCode);
        // Rounded gradients choose (some) other splits or leaf values; both models are ordinary model files.
        Assert.NotEqual(File.ReadAllText(exact), File.ReadAllText(model));
        Assert.IsType<Learning.Trees.BoostedTreesModel>(Learning.Models.ModelFile.Load(model));

        // --renew-leaves keeps the splits and sets the leaf values from the exact gradients: another model file.
        var renewed = Path.Combine(folder, "renewed.json");
        var result = CliRunner.Run("train", "bdt", "--data", data, "--trees", "8", "--depth", "3", "--gradient-levels", "4", "--renew-leaves", "--output", renewed);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.NotEqual(File.ReadAllText(model), File.ReadAllText(renewed));
    }

    [Fact]
    public void LeafWiseSoftmaxWritesOneScorePerClass()
    {
        var events = Events(300, 3);
        var classes = Enumerable.Range(0, 300).Select(i => (float)(i % 3)).ToArray();
        var data = Write("three.parquet", events.WithColumn(EventColumn.Float32("label", classes)));
        var model = Path.Combine(folder, "softmax.json");
        var trained = CliRunner.Run("train", "bdt", "--data", data, "--objective", "softmax", "--trees", "3", "--depth", "0", "--leaves", "4", "--output", model);
        Assert.True(trained.ExitCode == 0, trained.Error);
        var scores = Path.Combine(folder, "softmax-scores.csv");
        Assert.Equal(0, CliRunner.Run("predict", "--model", model, "--data", data, "--output", scores).ExitCode);
        Assert.Equal(["score_0", "score_1", "score_2", "label", "weight"], EventFile.Read(scores).ColumnNames);
    }

    [Fact]
    public void KFoldWritesOneModelPerFoldAndOutOfFoldScores()
    {
        var data = Write("kfold.csv", Events(400, 4));
        var model = Path.Combine(folder, "cv.json");
        var scores = Path.Combine(folder, "oof.csv");
        var trained = CliRunner.Run("train", "bdt", "--data", data, "--kfold", "2", "--trees", "5", "--output", model, "--scores", scores, "--json");
        Assert.True(trained.ExitCode == 0, trained.Error);
        Assert.True(File.Exists(Path.Combine(folder, "cv.fold0.json")));
        Assert.True(File.Exists(Path.Combine(folder, "cv.fold1.json")));
        var summary = JsonNode.Parse(trained.Out.Trim())!.AsObject();
        Assert.InRange(summary["out_of_fold"]!["auc"]!.GetValue<double>(), 0.65, 1.0);
        Assert.Equal(400, EventFile.Read(scores).RowCount);
    }

    [Fact]
    public void NonBinaryLabelNamesFileColumnAndRow()
    {
        var events = Events(20, 5);
        var label = events["label"].Float32Values.ToArray();
        label[6] = 2;
        var data = Write("bad-label.csv", events.WithColumn(EventColumn.Float32("label", label)));
        var result = CliRunner.Run("train", "bdt", "--data", data, "--output", Path.Combine(folder, "m.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{data}, column 'label', row 7: the logistic objective needs labels 0 or 1, found 2", result.Error);
        Assert.False(File.Exists(Path.Combine(folder, "m.json")));
    }

    [Fact]
    public void BadValidationLabelNamesTheValidationFile()
    {
        var data = Write("good.csv", Events(40, 13));
        var events = Events(20, 14);
        var label = events["label"].Float32Values.ToArray();
        label[4] = 7;
        var validation = Write("bad-validation.csv", events.WithColumn(EventColumn.Float32("label", label)));
        var result = CliRunner.Run("train", "bdt", "--data", data, "--validation", validation, "--output", Path.Combine(folder, "m.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{validation}, column 'label', row 5: in the validation events, the logistic objective needs labels 0 or 1, found 7", result.Error);
    }

    [Fact]
    public void NaNWeightIsBadInput()
    {
        var data = Path.Combine(folder, "nan-weight.csv");
        File.WriteAllText(data, "x,label,weight\n1,0,1\n2,1,nan\n3,0,1\n");
        // The column named "weight" is the event weight by default.
        var result = CliRunner.Run("train", "bdt", "--data", data, "--output", Path.Combine(folder, "m.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("column 'weight', row 2", result.Error);
    }

    [Theory]
    [InlineData("--trees", "0", "--trees: got 0; expected a value greater than or equal to 1")]
    [InlineData("--depth", "-1", "--depth: got -1; expected a non-negative value")]
    [InlineData("--depth", "0", "--depth: either --depth or --leaves must be positive")]
    [InlineData("--leaves", "1", "--leaves: got 1; expected 0 (depth-wise) or at least 2")]
    [InlineData("--learning-rate", "-1", "--learning-rate: got -1; expected a positive, finite number")]
    [InlineData("--subsample", "1.5", "--subsample: got 1.5; expected a fraction in (0, 1]")]
    [InlineData("--max-bins", "100000", "--max-bins: got 100000; expected a value less than or equal to")]
    [InlineData("--objective", "poisson", "--objective")]
    [InlineData("--gradient-levels", "3", "--gradient-levels: got 3; expected 0 (exact) or an even number from 2 to 64")]
    public void BadSettingIsBadInputNamingTheOption(string option, string value, string message)
    {
        var data = Write("settings.csv", Events(20, 7));
        var model = Path.Combine(folder, "m.json");
        var result = CliRunner.Run("train", "bdt", "--data", data, option, value, "--output", model);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: " + message, result.Error);
        Assert.DoesNotContain("') must be", result.Error);
        Assert.DoesNotContain("Must", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Empty(Directory.GetFiles(folder, "m.json*"));
    }

    [Fact]
    public void FlatObjectiveNeedsUniformFeaturesAndTrainsWithThem()
    {
        var data = Write("flat.csv", Events(300, 11));
        var missing = CliRunner.Run("train", "bdt", "--data", data, "--objective", "flat", "--output", Path.Combine(folder, "f.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("error: --uniform-features", missing.Error);
        var model = Path.Combine(folder, "flat.json");
        var trained = CliRunner.Run("train", "bdt", "--data", data, "--objective", "flat", "--uniform-features", "y", "--features", "x", "--trees", "3", "--output", model);
        Assert.True(trained.ExitCode == 0, trained.Error);
        Assert.Contains("\"objective\":\"flat\"", File.ReadAllText(model));
    }

    [Theory]
    [InlineData("adaboost")]
    [InlineData("bagging")]
    public void VotingEnsemblesTrainAndPredictInRange(string objective)
    {
        var data = Write(objective + ".csv", Events(300, 12));
        var model = Path.Combine(folder, objective + ".json");
        var trained = CliRunner.Run("train", "bdt", "--data", data, "--objective", objective, "--trees", "5", "--depth", "2", "--beta", "0.6", "--output", model);
        Assert.True(trained.ExitCode == 0, trained.Error);
        var scores = Path.Combine(folder, objective + "-scores.csv");
        Assert.Equal(0, CliRunner.Run("predict", "--model", model, "--data", data, "--output", scores).ExitCode);
        var low = objective == "adaboost" ? -1.0 : 0.0;
        Assert.All(EventFile.Read(scores)["score"].Float32Values, s => Assert.InRange(s, low, 1.0));
    }

    [Fact]
    public void PredictWithoutAFeatureColumnNamesIt()
    {
        var data = Write("full.csv", Events(100, 8));
        var model = Path.Combine(folder, "m.json");
        Assert.Equal(0, CliRunner.Run("train", "bdt", "--data", data, "--trees", "2", "--output", model).ExitCode);
        var partial = Write("partial.csv", Events(10, 9).Without("y"));
        var output = Path.Combine(folder, "s.csv");
        var result = CliRunner.Run("predict", "--model", model, "--data", partial, "--output", output);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{partial}, column 'y': the model needs feature column 'y'", result.Error);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void PredictWithWrongVersionModelIsBadInput()
    {
        var model = Path.Combine(folder, "old.json");
        File.WriteAllText(model, """{"kind":"bdt","format_version":0}""");
        var data = Write("any.csv", Events(10, 10));
        var result = CliRunner.Run("predict", "--model", model, "--data", data, "--output", Path.Combine(folder, "s.csv"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.format_version: unsupported bdt format version 0", result.Error);
    }

    private string Write(string name, EventTable table)
    {
        var path = Path.Combine(folder, name);
        EventFile.Write(path, table);
        return path;
    }

    private static EventTable Events(int n, ulong seed)
    {
        var random = new RandomStream(seed);
        var x = new float[n];
        var y = new float[n];
        var label = new float[n];
        var weight = new float[n];
        for (var i = 0; i < n; i++)
        {
            label[i] = i % 2;
            x[i] = (float)random.NextGaussian(label[i] * 1.5, 1);
            y[i] = (float)random.NextGaussian(0, 1);
            weight[i] = (float)random.NextUniform(0.5, 1.5);
        }

        return new EventTable([EventColumn.Float32("x", x), EventColumn.Float32("y", y), EventColumn.Float32("label", label), EventColumn.Float32("weight", weight)]);
    }
}
