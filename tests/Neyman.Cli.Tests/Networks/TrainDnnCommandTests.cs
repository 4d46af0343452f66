using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Events.IO;
using Neyman.Events.Tables;

namespace Neyman.Cli.Tests.Networks;

public class TrainDnnCommandTests
{
    private static string WriteEvents(TemporaryFolder folder, string name, int count, ulong seed, Func<int, float>? x = null)
    {
        var random = new RandomStream(seed);
        var a = new float[count];
        var b = new float[count];
        var mass = new float[count];
        var label = new float[count];
        var weight = new float[count];
        for (var e = 0; e < count; e++)
        {
            label[e] = e % 2;
            a[e] = x?.Invoke(e) ?? (float)(random.NextGaussian() + label[e]);
            b[e] = (float)(random.NextGaussian() - label[e]);
            mass[e] = 100 + 10 * (e % 3);
            weight[e] = 0.5f + (e % 4) * 0.25f;
        }
        var path = folder.File(name);
        EventFile.Write(path, new EventTable([
            EventColumn.Float32("a", a), EventColumn.Float32("b", b), EventColumn.Float32("mass", mass),
            EventColumn.Float32("label", label), EventColumn.Float32("w", weight)]));
        return path;
    }

    [Fact]
    public void An_empty_name_in_the_feature_list_is_bad_input_and_writes_no_model()
    {
        using var folder = new TemporaryFolder();
        var data = WriteEvents(folder, "train.csv", 100, 5);
        var model = folder.File("model.json");

        var run = CliRunner.Run("train", "dnn", "--data", data, "--features", "a,,b", "--layers", "4", "--epochs", "1", "--output", model);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --features: 'a,,b' has an empty column name; expected names separated by commas\n", run.Error.Replace("\r\n", "\n"));
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void A_column_named_weight_is_the_event_weight_and_never_a_feature()
    {
        using var folder = new TemporaryFolder();
        var source = EventFile.Read(WriteEvents(folder, "raw.csv", 300, 4));
        var data = folder.File("weighted.parquet");
        EventFile.Write(data, new EventTable([source["a"], source["b"], source["label"], source["w"].WithName("weight")]));
        var model = folder.File("model.json");

        var run = CliRunner.Run("train", "dnn", "--data", data, "--layers", "4", "--epochs", "1", "--output", model);

        Assert.True(run.ExitCode == 0, run.Error);
        var inputs = JsonNode.Parse(File.ReadAllText(model))!.ToJsonString();
        Assert.Contains("\"a\"", inputs);
        Assert.DoesNotContain("\"weight\"", inputs);
    }

    [Fact]
    public void Trains_saves_exports_and_predicts_with_a_json_summary()
    {
        using var folder = new TemporaryFolder();
        var data = WriteEvents(folder, "train.csv", 600, 1);
        var model = folder.File("model.json");
        var onnx = folder.File("model.onnx");
        var run = CliRunner.Run("train", "dnn", "--data", data, "--weight", "w", "--features", "a,b", "--parameters", "mass", "--layers", "16,16",
            "--activation", "tanh", "--optimizer", "sgd", "--learning-rate", "0.05", "--momentum", "0.9", "--batch", "50", "--epochs", "3",
            "--output", model, "--onnx", onnx, "--json", "--threads", "2");
        Assert.True(run.ExitCode == 0, run.Error);
        var summary = JsonNode.Parse(run.Out.Trim().Split('\n')[^1])!.AsObject();
        Assert.Equal("dnn", (string)summary["kind"]!);
        Assert.Equal(540, (int)summary["events"]!);
        Assert.Equal(3, (int)summary["epochs"]!);
        Assert.True((double)summary["samples_per_second"]! > 0);
        Assert.InRange((double)summary["validation"]!["auc"]!, 0.6, 1.0);
        Assert.Contains("epoch 3/3", run.Error);
        Assert.Contains("AUC", run.Error);
        Assert.True(File.Exists(onnx) && new FileInfo(onnx).Length > 1000);
        var scores = folder.File("scores.csv");
        var predict = CliRunner.Run("predict", "--model", model, "--data", data, "--output", scores);
        Assert.True(predict.ExitCode == 0, predict.Error);
        var table = EventFile.Read(scores);
        Assert.All(table["score"].Float32Values, s => Assert.InRange(s, 0f, 1f));
    }

    [Fact]
    public void Trains_an_autoencoder_whose_scores_predict_serves()
    {
        using var folder = new TemporaryFolder();
        var data = WriteEvents(folder, "train.parquet", 300, 2);
        var model = folder.File("ae.json");
        var run = CliRunner.Run("train", "autoencoder", "--data", data, "--features", "a,b,mass", "--layers", "4,2,4", "--layer-norm", "--epochs", "2", "--output", model, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("autoencoder", (string)JsonNode.Parse(run.Out.Trim())!["kind"]!);
        Assert.Contains("\"layer_norm\":true", File.ReadAllText(model));
        var predict = CliRunner.Run("predict", "--model", model, "--data", data, "--output", folder.File("s.csv"));
        Assert.True(predict.ExitCode == 0, predict.Error);
    }

    [Theory]
    [InlineData("300,abc", "layer 2 is 'abc'")]
    [InlineData("300,,300", "layer 2 is ''")]
    [InlineData("-5", "layer 1 is '-5'")]
    public void Unparsable_layer_specs_exit_2_naming_the_layer(string layers, string message)
    {
        using var folder = new TemporaryFolder();
        var data = WriteEvents(folder, "train.csv", 20, 3);
        var run = CliRunner.Run("train", "dnn", "--data", data, "--layers", layers, "--output", folder.File("m.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--layers", run.Error);
        Assert.Contains(message, run.Error);
        Assert.False(File.Exists(folder.File("m.json")));
    }

    [Fact]
    public void Nan_input_exits_2_naming_file_column_and_row()
    {
        using var folder = new TemporaryFolder();
        var data = WriteEvents(folder, "train.csv", 20, 4, e => e == 5 ? float.NaN : e);
        var run = CliRunner.Run("train", "dnn", "--data", data, "--features", "a,b", "--validation-fraction", "0", "--output", folder.File("m.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("train.csv", run.Error);
        Assert.Contains("column 'a', row 6", run.Error);
    }

    [Fact]
    public void Diverging_loss_exits_3_naming_epoch_and_batch()
    {
        using var folder = new TemporaryFolder();
        var data = WriteEvents(folder, "train.csv", 200, 5, e => e % 2 == 0 ? 1e4f : -1e4f);
        var run = CliRunner.Run("train", "dnn", "--data", data, "--layers", "8", "--activation", "relu", "--learning-rate", "1e30", "--batch", "10", "--output", folder.File("m.json"));
        Assert.Equal(3, run.ExitCode);
        Assert.Matches(@"epoch 1, batch \d+", run.Error);
        Assert.False(File.Exists(folder.File("m.json")));
    }

    [Fact]
    public void Feature_mismatch_at_prediction_exits_2()
    {
        using var folder = new TemporaryFolder();
        var data = WriteEvents(folder, "train.csv", 100, 6);
        var model = folder.File("m.json");
        Assert.Equal(0, CliRunner.Run("train", "dnn", "--data", data, "--features", "a,b", "--layers", "4", "--epochs", "1", "--output", model).ExitCode);
        var other = folder.File("other.csv");
        EventFile.Write(other, new EventTable([EventColumn.Float32("a", [1f, 2f]), EventColumn.Float32("c", [1f, 2f])]));
        var run = CliRunner.Run("predict", "--model", model, "--data", other, "--output", folder.File("s.csv"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("missing input column 'b'", run.Error);
        Assert.Contains("other.csv", run.Error);
    }

    [Theory]
    [InlineData("--activation", "softplus")]
    [InlineData("--optimizer", "rmsprop")]
    [InlineData("--schedule", "linear")]
    [InlineData("--dropout", "1.5")]
    [InlineData("--learning-rate", "-1")]
    public void Bad_option_values_exit_2_naming_the_option(string option, string value)
    {
        using var folder = new TemporaryFolder();
        var data = WriteEvents(folder, "train.csv", 20, 7);
        var run = CliRunner.Run("train", "dnn", "--data", data, option, value, "--output", folder.File("m.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error);
    }
}
