using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Events.Tables;
using Neyman.Learning.Models;
using Neyman.Learning.Networks;

namespace Neyman.Learning.Tests.Networks;

public class NetworkModelTests
{
    /// <summary>Two features, signal shifted in both; a third column "mass" for parametrized tests.</summary>
    internal static EventTable Events(int count, ulong seed, double shift = 1.0)
    {
        var random = new RandomStream(seed);
        var x = new float[count];
        var y = new float[count];
        var label = new float[count];
        for (var e = 0; e < count; e++)
        {
            label[e] = e % 2;
            x[e] = (float)(random.NextGaussian() + label[e] * shift + 3);
            y[e] = (float)(2 * random.NextGaussian() - label[e] * shift);
        }
        return new EventTable([EventColumn.Float32("x", x), EventColumn.Float32("y", y), EventColumn.Float32("label", label)]);
    }

    internal static NetworkModel Trained(NetworkTask task = NetworkTask.BinaryClassifier, ActivationKind activation = ActivationKind.Tanh, bool layerNormalization = false)
    {
        var options = new NetworkTrainingOptions { HiddenLayers = [8, 4], Activation = activation, LayerNormalization = layerNormalization, Optimizer = OptimizerKind.Adam, LearningRate = 0.01, BatchSize = 32, Epochs = 3, Seed = 2 };
        return NetworkModelTrainer.Train(Events(400, 1), null, new NetworkColumns(), task, options).Model;
    }

    private static string TempFile(string extension) => Path.Combine(Path.GetTempPath(), $"neyman-net-{Guid.NewGuid():N}{extension}");

    [Theory]
    [InlineData(NetworkTask.BinaryClassifier)]
    [InlineData(NetworkTask.Regressor)]
    [InlineData(NetworkTask.Autoencoder)]
    [InlineData(NetworkTask.BinaryClassifier, true)]
    public void Save_and_load_give_the_same_predictions_bit_for_bit(NetworkTask task, bool layerNormalization = false)
    {
        var model = Trained(task, layerNormalization: layerNormalization);
        var events = Events(50, 3);
        var path = TempFile(".json");
        try
        {
            NetworkModelFile.Save(model, path);
            var loaded = ModelFile.Load(path);
            Assert.Equal(model.Kind, loaded.Kind);
            Assert.Equal(model.FeatureNames, loaded.FeatureNames);
            Assert.Equal(model.Predict(events)[model.OutputNames[0]].Float32Values, loaded.Predict(events)[model.OutputNames[0]].Float32Values);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Classifier_scores_are_probabilities_and_separate_the_classes()
    {
        var model = Trained();
        var events = Events(400, 4);
        var scores = model.Predict(events)["score"].Float32Values;
        Assert.All(scores, s => Assert.InRange(s, 0f, 1f));
        var labels = events["label"].Float32Values;
        var signalMean = scores.Where((_, i) => labels[i] == 1).Average();
        var backgroundMean = scores.Where((_, i) => labels[i] == 0).Average();
        Assert.True(signalMean > backgroundMean + 0.2, $"{signalMean} vs {backgroundMean}");
    }

    [Fact]
    public void Prediction_reports_a_missing_column_and_a_non_finite_value()
    {
        var model = Trained();
        var missing = Assert.Throws<InputException>(() => model.Predict(Events(5, 1).Without("y")));
        Assert.Contains("missing input column 'y'", missing.Problem);
        Assert.Equal("column 'y'", missing.Location);
        var events = Events(5, 1);
        var x = events["x"].Float32Values.ToArray();
        x[3] = float.NaN;
        var bad = events.Without("x").WithColumn(EventColumn.Float32("x", x));
        var error = Assert.Throws<InputException>(() => model.Predict(bad));
        Assert.Equal("column 'x', row 4", error.Location);
    }

    [Fact]
    public void Training_reports_bad_labels_nan_features_and_missing_columns()
    {
        var options = new NetworkTrainingOptions { HiddenLayers = [4], Epochs = 1 };
        var events = Events(20, 1);
        var labels = events["label"].Float32Values.ToArray();
        labels[6] = 2;
        var relabeled = events.Without("label").WithColumn(EventColumn.Float32("label", labels));
        var error = Assert.Throws<InputException>(() => NetworkModelTrainer.Train(relabeled, null, new NetworkColumns(), NetworkTask.BinaryClassifier, options));
        Assert.Equal("column 'label', row 7", error.Location);
        var y = events["y"].Float32Values.ToArray();
        y[2] = float.PositiveInfinity;
        var infinite = events.Without("y").WithColumn(EventColumn.Float32("y", y));
        error = Assert.Throws<InputException>(() => NetworkModelTrainer.Train(infinite, null, new NetworkColumns(), NetworkTask.BinaryClassifier, options));
        Assert.Equal("column 'y', row 3", error.Location);
        error = Assert.Throws<InputException>(() => NetworkModelTrainer.Train(events, null, new NetworkColumns(["x", "z"]), NetworkTask.BinaryClassifier, options));
        Assert.Contains("no column 'z'", error.Problem);
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "format_version", "7", "$.format_version" },
        { "task", "\"ranker\"", "$.task" },
        { "features", "[1]", "$.features[0]" },
        { "layers", "[]", "$.layers" },
        { "weights_float32_base64", "\"AAAA\"", "$.weights_float32_base64" },
        { "weights_float32_base64", "\"%%%\"", "$.weights_float32_base64" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Loading_a_bad_file_names_the_json_path(string field, string value, string location)
    {
        var json = NetworkModelFile.ToJson(Trained());
        json[field] = JsonNode.Parse(value);
        var error = Assert.Throws<InputException>(() => NetworkModelFile.FromJson(json, "model.json"));
        Assert.Equal(location, error.Location);
        Assert.Equal("model.json", error.Source);
    }

    [Fact]
    public void Loading_reports_an_unknown_activation_and_inconsistent_widths()
    {
        var json = NetworkModelFile.ToJson(Trained());
        json["layers"]![1]!["activation"] = "swish2";
        var error = Assert.Throws<InputException>(() => NetworkModelFile.FromJson(json, "m.json"));
        Assert.Equal("$.layers[1].activation", error.Location);
        json = NetworkModelFile.ToJson(Trained());
        json["layers"]![1]!["inputs"] = 5;
        error = Assert.Throws<InputException>(() => NetworkModelFile.FromJson(json, "m.json"));
        Assert.Equal("$.layers[1]", error.Location);
        json = NetworkModelFile.ToJson(Trained());
        json["standardization"]!["scale"]![0] = 0;
        error = Assert.Throws<InputException>(() => NetworkModelFile.FromJson(json, "m.json"));
        Assert.Equal("$.standardization.scale[0]", error.Location);
    }
}
