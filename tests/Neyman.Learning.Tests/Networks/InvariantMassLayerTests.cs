using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Neyman.Core;
using Neyman.Events.Tables;
using Neyman.Learning.Evaluation;
using Neyman.Learning.Networks;

namespace Neyman.Learning.Tests.Networks;

public class InvariantMassLayerTests
{
    // Columns: a (pt, eta, phi), met (magnitude, phi; no eta), b (pt, eta, phi).
    private static readonly string[] Columns = ["a_pt", "a_eta", "a_phi", "met_magnitude", "met_phi", "b_pt", "b_eta", "b_phi"];

    private static MomentumObject[] Objects() =>
        MomentumObject.Resolve(["a", "met", "b"], Columns, out var error) ?? throw new InvalidOperationException(error);

    [Fact]
    public void Objects_are_found_by_their_column_prefixes()
    {
        var objects = Objects();
        Assert.Equal(new MomentumObject("a", 0, 1, 2), objects[0]);
        Assert.Equal(new MomentumObject("met", 3, -1, 4), objects[1]);
        Assert.Equal(new MomentumObject("b", 5, 6, 7), objects[2]);
        Assert.Null(MomentumObject.Resolve(["a", "jet"], Columns, out var error));
        Assert.Contains("object 'jet' needs the feature columns jet_pt", error);
    }

    [Fact]
    public void Outputs_are_the_invariant_masses_of_the_combinations()
    {
        // a and b massless; met in the transverse plane. Closed forms (GeV):
        // m(a + b)^2 = 2 pt_a pt_b (cosh(eta_a - eta_b) - cos(phi_a - phi_b)),
        // m(a + met)^2 = (E_a + met)^2 - |p_a + met|^2 = 2 (E_a met - pt_a met cos(phi_a - phi_met)).
        float[] row = [40f, 1.2f, 0.3f, 30f, 2.0f, 25f, -0.7f, 2.1f];
        var unit = 10f;
        var layer = new InvariantMassLayer(Objects(), 3, unit, weights: [1, 0, 1, 1, 1, 0, 2, -1, 0], means: [0, 0, 0], variances: [1, 1, 1]);
        var momenta = new float[layer.MomentumWidth];
        layer.FourMomenta(row, row.Length, 1, momenta);
        var output = new float[2 + 3];
        var masses = new float[3];
        layer.Forward(momenta, 1, output, 5, 2, masses, training: false);
        double pa = 40, ea = 40 * Math.Cosh(1.2), met = 30;
        var ab2 = 2 * 40 * 25 * (Math.Cosh(1.2 + 0.7) - Math.Cos(0.3 - 2.1));
        var am2 = 2 * (ea * met - pa * met * Math.Cos(0.3 - 2.0));
        // Combination 2 is 2a (W = -1 counts as 0): mass 0, the root of epsilon.
        double[] expected = [Math.Sqrt(ab2), Math.Sqrt(am2), 0];
        for (var c = 0; c < 3; c++)
        {
            var mass = Math.Sqrt(expected[c] * expected[c] / (unit * unit) + InvariantMassLayer.MassEpsilon);
            Assert.Equal(mass, masses[c], 4e-6 * mass);
            Assert.Equal(mass / Math.Sqrt(1 + 1e-6), output[2 + c], 4e-6 * mass);
        }
        Assert.Equal(0f, output[0]);

        // Inference rows: the given inputs, then the same outputs.
        var widened = new float[2 + 3];
        layer.AppendOutputs([7f, -8f], 2, momenta, 1, widened, masses);
        Assert.Equal([7f, -8f, output[2], output[3], output[4]], widened);
    }

    [Fact]
    public void Weight_gradient_matches_central_differences()
    {
        var random = new RandomStream(3);
        const int rows = 7;
        var raw = new float[rows * Columns.Length];
        for (var r = 0; r < rows; r++)
        {
            float[] row = [(float)(20 + 80 * random.NextDouble()), (float)(2 * random.NextDouble() - 1), (float)(6 * random.NextDouble() - 3),
                (float)(10 + 50 * random.NextDouble()), (float)(6 * random.NextDouble() - 3),
                (float)(20 + 80 * random.NextDouble()), (float)(2 * random.NextDouble() - 1), (float)(6 * random.NextDouble() - 3)];
            row.CopyTo(raw, r * Columns.Length);
        }
        const int combinations = 4;
        var layer = new InvariantMassLayer(Objects(), combinations, 50f, means: [0.5f, 1f, 0.2f, 0f], variances: [2f, 0.5f, 1f, 3f]);
        for (var i = 0; i < layer.Weights.Length; i++)
        {
            // Away from the kink of relu at 0; one weight negative (no gradient).
            layer.Weights[i] = i == 5 ? -0.3f : (float)(0.2 + random.NextDouble());
        }
        var momenta = new float[rows * layer.MomentumWidth];
        layer.FourMomenta(raw, Columns.Length, rows, momenta);
        const int stride = combinations + 1;
        var upstream = new float[rows * stride];
        for (var i = 0; i < upstream.Length; i++)
        {
            upstream[i] = (float)(random.NextDouble() - 0.5);
        }
        // Loss = sum of upstream gradient x output, so dLoss/dOutput = upstream.
        double Loss()
        {
            var output = new float[rows * stride];
            layer.Forward(momenta, rows, output, stride, 1, new float[rows * combinations], training: false);
            double sum = 0;
            for (var i = 0; i < output.Length; i++)
            {
                sum += (double)output[i] * upstream[i];
            }
            return sum;
        }
        var masses = new float[rows * combinations];
        layer.Forward(momenta, rows, new float[rows * stride], stride, 1, masses, training: false);
        var gradient = new float[layer.Weights.Length];
        layer.Backward(momenta, rows, masses, upstream, stride, 1, gradient);
        Assert.Equal(0f, gradient[5]);
        for (var i = 0; i < layer.Weights.Length; i++)
        {
            if (i == 5)
            {
                continue;
            }
            var saved = layer.Weights[i];
            const float h = 1e-2f;
            layer.Weights[i] = saved + h;
            var plus = Loss();
            layer.Weights[i] = saved - h;
            var minus = Loss();
            layer.Weights[i] = saved;
            var numeric = (plus - minus) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[i]) <= 2e-3 * Math.Max(1, Math.Abs(numeric)), $"weight {i}: analytic {gradient[i]}, numeric {numeric}");
        }
    }

    [Fact]
    public void Training_statistics_start_from_the_first_batch_then_run()
    {
        var layer = new InvariantMassLayer(Objects(), 1, 1f, weights: [1, 0, 1]);
        Assert.False(layer.HasStatistics);
        float[] raw = [40f, 0f, 0f, 0f, 0f, 40f, 0f, 3.14159265f, 30f, 0f, 0f, 0f, 0f, 30f, 0f, 3.14159265f];
        var momenta = new float[2 * layer.MomentumWidth];
        layer.FourMomenta(raw, Columns.Length, 2, momenta);
        var masses = new float[2];
        var output = new float[2];
        layer.Forward(momenta, 2, output, 1, 0, masses, training: true);
        // Masses 80 and 60: mean 70, sample variance 200; the outputs are standardized by them.
        Assert.Equal(70f, layer.Means[0], 1e-3f);
        Assert.Equal(200f, layer.Variances[0], 0.05f);
        Assert.Equal(10 / Math.Sqrt(200), output[0], 1e-4);
        // A batch of one event leaves the statistics alone; the next batch (masses 100 and 80) moves them by a tenth.
        layer.Forward(momenta, 1, output, 1, 0, masses, training: true);
        Assert.Equal(70f, layer.Means[0], 1e-3f);
        float[] next = [50f, 0f, 0f, 0f, 0f, 50f, 0f, 3.14159265f, 40f, 0f, 0f, 0f, 0f, 40f, 0f, 3.14159265f];
        layer.FourMomenta(next, Columns.Length, 2, momenta);
        layer.Forward(momenta, 2, output, 1, 0, masses, training: true);
        Assert.Equal(0.9f * 70f + 0.1f * 90f, layer.Means[0], 1e-3f);
        Assert.Equal(200f, layer.Variances[0], 0.05f);
    }

    internal static EventTable Events(int count, ulong seed)
    {
        // Signal: a and b from a 90 GeV resonance; background: independent a and b. met is noise.
        var random = new RandomStream(seed);
        var columns = Columns.Select(_ => new float[count]).ToArray();
        var label = new float[count];
        for (var e = 0; e < count; e++)
        {
            label[e] = e % 2;
            var phiA = 6.2 * random.NextDouble() - 3.1;
            var etaA = random.NextGaussian();
            var etaB = random.NextGaussian();
            double ptA = 30 + 40 * random.NextDouble(), ptB, phiB;
            if (label[e] == 1)
            {
                // pt_b from m^2 = 2 pt_a pt_b (cosh - cos) at a random opening angle.
                phiB = phiA + 1.5 + random.NextDouble();
                ptB = 90 * 90 / (2 * ptA * (Math.Cosh(etaA - etaB) - Math.Cos(phiA - phiB)));
                phiB = Math.IEEERemainder(phiB, 2 * Math.PI);
            }
            else
            {
                ptB = 20 + 60 * random.NextDouble();
                phiB = 6.2 * random.NextDouble() - 3.1;
            }
            float[] row = [(float)ptA, (float)etaA, (float)phiA, (float)(20 * random.NextDouble()), (float)(6.2 * random.NextDouble() - 3.1), (float)ptB, (float)etaB, (float)phiB];
            for (var c = 0; c < row.Length; c++)
            {
                columns[c][e] = row[c];
            }
        }
        return new EventTable([.. Columns.Select((n, c) => EventColumn.Float32(n, columns[c])), EventColumn.Float32("label", label)]);
    }

    private static double Auc(double[] scores, float[] labels) =>
        AreaUnderCurve.Compute(BinaryScores.Create(scores, Array.ConvertAll(labels, l => (double)l), Array.Empty<double>()));

    internal static NetworkModel Trained(int threads = 1)
    {
        var options = new NetworkTrainingOptions
        {
            HiddenLayers = [16, 8], Optimizer = OptimizerKind.Adam, LearningRate = 0.01, BatchSize = 64, Epochs = 4, Seed = 4,
            MassObjects = ["a", "met", "b"], MassCombinations = 3, Threads = threads,
        };
        return NetworkModelTrainer.Train(Events(2000, 1), Events(500, 2), new NetworkColumns(), NetworkTask.BinaryClassifier, options).Model;
    }

    [Fact]
    public void A_network_with_the_layer_finds_a_resonance_and_does_not_depend_on_threads()
    {
        var model = Trained();
        var again = Trained(threads: 2);
        Assert.NotNull(model.Masses);
        Assert.Equal(model.Network.Parameters, again.Network.Parameters);
        Assert.Equal(model.Masses!.Weights, again.Masses!.Weights);
        Assert.Equal(model.Masses.Means, again.Masses.Means);
        var test = Events(2000, 3);
        var scores = model.Predict(test)["score"].Float32Values;
        var labels = test["label"].Float32Values;
        var auc = Auc(Array.ConvertAll(scores, s => (double)s), labels);
        // The resonance is invisible in any single column; a plain network of the same size on these 2,000 events
        // reaches about 0.6 (see the next test), the mass layer about 0.95.
        Assert.True(auc > 0.85, $"AUC {auc:F4}");
    }

    [Fact]
    public void Without_the_layer_the_same_network_does_much_worse()
    {
        var options = new NetworkTrainingOptions { HiddenLayers = [16, 8], Optimizer = OptimizerKind.Adam, LearningRate = 0.01, BatchSize = 64, Epochs = 4, Seed = 4 };
        var model = NetworkModelTrainer.Train(Events(2000, 1), Events(500, 2), new NetworkColumns(), NetworkTask.BinaryClassifier, options).Model;
        var test = Events(2000, 3);
        var scores = model.Predict(test)["score"].Float32Values;
        var labels = test["label"].Float32Values;
        var plain = Auc(Array.ConvertAll(scores, s => (double)s), labels);
        var withLayer = Trained().Predict(test)["score"].Float32Values;
        var mass = Auc(Array.ConvertAll(withLayer, s => (double)s), labels);
        Assert.True(mass > plain + 0.1, $"with the layer {mass:F4}, without {plain:F4}");
    }

    [Fact]
    public void The_model_file_keeps_the_layer_and_the_predictions()
    {
        var model = Trained();
        var path = Path.Combine(Path.GetTempPath(), $"neyman-mass-{Guid.NewGuid():N}.json");
        try
        {
            NetworkModelFile.Save(model, path);
            Assert.Contains("\"format_version\":2", File.ReadAllText(path));
            var loaded = NetworkModelFile.Load(path);
            Assert.NotNull(loaded.Masses);
            Assert.Equal(model.Masses!.Objects, loaded.Masses!.Objects);
            var test = Events(300, 5);
            Assert.Equal(model.Predict(test)["score"].Float32Values, loaded.Predict(test)["score"].Float32Values);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Onnx_runtime_reproduces_the_predictions_of_a_network_with_the_layer()
    {
        var model = Trained();
        var events = Events(64, 7);
        var expected = model.Predict(events)["score"].Float32Values;
        var rows = events.RowCount;
        using var session = new InferenceSession(NetworkOnnxExporter.Export(model));
        var input = new DenseTensor<float>(OnnxExportTests.RawInputs(model, events), [rows, model.FeatureNames.Count]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(NetworkOnnxExporter.InputName, input)]);
        var actual = results.Single().AsTensor<float>().ToArray();
        for (var r = 0; r < rows; r++)
        {
            Assert.True(Math.Abs(actual[r] - expected[r]) <= 1e-5, $"row {r}: {actual[r]} vs {expected[r]}");
        }
    }

    [Fact]
    public void Unknown_objects_and_autoencoders_are_input_errors()
    {
        var options = new NetworkTrainingOptions { HiddenLayers = [4], Epochs = 1, MassObjects = ["a", "jet"] };
        var error = Assert.Throws<InputException>(() => NetworkModelTrainer.Train(Events(100, 1), null, new NetworkColumns(), NetworkTask.BinaryClassifier, options));
        Assert.Contains("object 'jet'", error.Message);
        Assert.Equal("--objects", error.Location);
        var autoencoder = Assert.Throws<InputException>(() => NetworkModelTrainer.Train(Events(100, 1), null, new NetworkColumns(), NetworkTask.Autoencoder, options with { MassObjects = ["a"] }));
        Assert.Equal("an autoencoder takes no invariant-mass layer", autoencoder.Problem);
        var none = Assert.Throws<InputException>(() => NetworkModelTrainer.Train(Events(100, 1), null, new NetworkColumns(), NetworkTask.BinaryClassifier,
            options with { MassObjects = ["a"], MassCombinations = 0 }));
        Assert.Equal("expected at least one mass combination, got 0", none.Problem);
        Assert.Equal("--combinations", none.Location);
    }

    public static TheoryData<string, string, string> BadLayers() => new()
    {
        { "objects", "[]", "$.invariant_masses.objects" },
        { "objects", "[{\"name\": \"a\", \"pt\": \"zz_pt\", \"phi\": \"a_phi\"}]", "$.invariant_masses.objects[0].pt" },
        { "combinations", "0", "$.invariant_masses.combinations" },
        { "momentum_unit", "-1", "$.invariant_masses.momentum_unit" },
        { "mean", "[0, 0]", "$.invariant_masses.mean" },
        { "variance", "[1, -1, 1]", "$.invariant_masses.variance[1]" },
        { "weights_float32_base64", "\"AAAA\"", "$.invariant_masses.weights_float32_base64" },
    };

    [Theory]
    [MemberData(nameof(BadLayers))]
    public void Loading_a_bad_layer_names_the_json_path(string field, string value, string location)
    {
        var json = NetworkModelFile.ToJson(Trained());
        json["invariant_masses"]![field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        var error = Assert.Throws<InputException>(() => NetworkModelFile.FromJson(json, "model.json"));
        Assert.Equal(location, error.Location);
        json = NetworkModelFile.ToJson(Trained());
        json["format_version"] = 1;
        error = Assert.Throws<InputException>(() => NetworkModelFile.FromJson(json, "model.json"));
        Assert.Equal("$.invariant_masses", error.Location);
    }
}
