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

    private static string WriteObjects(TemporaryFolder folder, int count)
    {
        // Two objects (pt, eta, phi); signal pairs have an invariant mass of 90, background pairs are independent.
        var random = new RandomStream(8);
        string[] names = ["j1_pt", "j1_eta", "j1_phi", "j2_pt", "j2_eta", "j2_phi"];
        var columns = names.Select(_ => new float[count]).ToArray();
        var label = new float[count];
        for (var e = 0; e < count; e++)
        {
            label[e] = e % 2;
            double pt1 = 30 + 40 * random.NextDouble(), eta1 = random.NextGaussian(), eta2 = random.NextGaussian(), phi1 = 3 * random.NextDouble();
            var phi2 = -2 * random.NextDouble();
            var pt2 = label[e] == 1 ? 90 * 90 / (2 * pt1 * (Math.Cosh(eta1 - eta2) - Math.Cos(phi1 - phi2))) : 20 + 60 * random.NextDouble();
            double[] row = [pt1, eta1, phi1, pt2, eta2, phi2];
            for (var c = 0; c < row.Length; c++)
            {
                columns[c][e] = (float)row[c];
            }
        }
        var path = folder.File("objects.csv");
        EventFile.Write(path, new EventTable([.. names.Select((n, c) => EventColumn.Float32(n, columns[c])), EventColumn.Float32("label", label)]));
        return path;
    }

    [Fact]
    public void An_invariant_mass_layer_is_trained_saved_and_served_by_predict()
    {
        using var folder = new TemporaryFolder();
        var data = WriteObjects(folder, 1500);
        var model = folder.File("model.json");
        var onnx = folder.File("model.onnx");

        var run = CliRunner.Run("train", "dnn", "--data", data, "--objects", "j1,j2", "--combinations", "3", "--layers", "8", "--optimizer", "adam",
            "--learning-rate", "0.01", "--epochs", "3", "--output", model, "--onnx", onnx, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        // Six inputs and three masses into 8 hidden units and one output (89), plus 3 x 2 combination weights.
        Assert.Equal(95, JsonNode.Parse(run.Out.Trim().Split('\n')[^1])!["parameters"]!.GetValue<int>());
        var json = JsonNode.Parse(File.ReadAllText(model))!;
        Assert.Equal(2, json["format_version"]!.GetValue<int>());
        Assert.Equal("j2_eta", json["invariant_masses"]!["objects"]![1]!["eta"]!.GetValue<string>());
        Assert.True(File.Exists(onnx));
        var scores = folder.File("scores.csv");
        var predict = CliRunner.Run("predict", "--model", model, "--data", data, "--output", scores);
        Assert.True(predict.ExitCode == 0, predict.Error);
        Assert.Equal(1500, EventFile.Read(scores).RowCount);
    }

    [Fact]
    public void An_object_without_its_columns_is_bad_input_and_writes_no_model()
    {
        using var folder = new TemporaryFolder();
        var data = WriteObjects(folder, 100);
        var model = folder.File("model.json");

        var run = CliRunner.Run("train", "dnn", "--data", data, "--objects", "j1,lepton", "--layers", "4", "--epochs", "1", "--output", model);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --objects: object 'lepton' needs the feature columns lepton_pt (or lepton_magnitude) and lepton_phi, and lepton_eta unless it lies in the transverse plane\n",
            run.Error.Replace("\r\n", "\n"));
        Assert.False(File.Exists(model));
    }
}
