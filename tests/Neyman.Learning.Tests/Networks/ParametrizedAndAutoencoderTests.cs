using Neyman.Core;
using Neyman.Events.Tables;
using Neyman.Learning.Evaluation;
using Neyman.Learning.Networks;

namespace Neyman.Learning.Tests.Networks;

public class ParametrizedAndAutoencoderTests
{
    /// <summary>
    /// Signal is a narrow peak of x at the mass m (width 0.1·m... fixed 0.3 here), background is flat in x on [0, 10].
    /// </summary>
    private static EventTable MassPoints(IReadOnlyList<double> masses, int perMass, ulong seed)
    {
        var random = new RandomStream(seed);
        var x = new List<float>();
        var mass = new List<float>();
        var label = new List<float>();
        foreach (var m in masses)
        {
            for (var i = 0; i < perMass; i++)
            {
                x.Add((float)random.NextGaussian(m, 0.3));
                mass.Add((float)m);
                label.Add(1);
                x.Add((float)random.NextUniform(0, 10));
                mass.Add((float)m);
                label.Add(0);
            }
        }
        return new EventTable([EventColumn.Float32("x", [.. x]), EventColumn.Float32("mass", [.. mass]), EventColumn.Float32("label", [.. label])]);
    }

    // The library's AUC (ties count one half), unweighted.
    private static double Auc(float[] scores, float[] labels) =>
        AreaUnderCurve.Compute(BinaryScores.Create(Array.ConvertAll(scores, s => (double)s), Array.ConvertAll(labels, l => (double)l)));

    [Fact]
    public void Parametrized_classifier_interpolates_to_a_mass_held_out_of_training()
    {
        var training = MassPoints([2, 3, 4, 6, 7, 8], 300, 1);
        var options = new NetworkTrainingOptions { HiddenLayers = [24, 24], Optimizer = OptimizerKind.Adam, LearningRate = 0.01, BatchSize = 64, Epochs = 25, Seed = 3 };
        var (model, _) = NetworkModelTrainer.Train(training, null, new NetworkColumns(["x"], Parameters: ["mass"]), NetworkTask.BinaryClassifier, options);
        Assert.Equal(["x", "mass"], model.FeatureNames);
        // At the held-out mass 5 the best cut is |x - 5| small: the exact likelihood ratio's AUC is that of -|x - 5|.
        var test = MassPoints([5], 1000, 2);
        var scores = model.Predict(test)["score"].Float32Values;
        var labels = test["label"].Float32Values;
        var x = test["x"].Float32Values;
        var exact = Auc(x.Select(v => -Math.Abs(v - 5f)).ToArray(), labels);
        var network = Auc(scores, labels);
        Assert.True(network > exact - 0.03, $"network {network:F4} vs likelihood ratio {exact:F4}");
        // Evaluated as if the mass were 8, the same events separate much worse: the mass input is used.
        var wrongMass = test.Without("mass").WithColumn(EventColumn.Float32("mass", Enumerable.Repeat(8f, test.RowCount).ToArray()));
        Assert.True(Auc(model.Predict(wrongMass)["score"].Float32Values, labels) < network - 0.2);
    }

    [Fact]
    public void Autoencoder_scores_outliers_higher_than_training_like_events()
    {
        // Training events lie near the line y = 2x; outliers do not.
        var random = new RandomStream(4);
        var count = 2000;
        var x = new float[count];
        var y = new float[count];
        for (var i = 0; i < count; i++)
        {
            x[i] = (float)random.NextGaussian();
            y[i] = (float)(2 * x[i] + 0.05 * random.NextGaussian());
        }
        var training = new EventTable([EventColumn.Float32("x", x), EventColumn.Float32("y", y)]);
        var options = new NetworkTrainingOptions { HiddenLayers = [8, 1, 8], Activation = ActivationKind.Elu, Optimizer = OptimizerKind.Adam, LearningRate = 0.01, BatchSize = 64, Epochs = 15 };
        var (model, result) = NetworkModelTrainer.Train(training, null, new NetworkColumns(), NetworkTask.Autoencoder, options);
        Assert.Equal("autoencoder", model.Kind);
        Assert.True(result.History[^1].TrainingLoss < 0.05, $"reconstruction loss {result.History[^1].TrainingLoss}");
        var probe = new EventTable([EventColumn.Float32("x", [0.5f, 1f, 0.5f, 1f]), EventColumn.Float32("y", [1f, 2f, -1f, -2f])]);
        var scores = model.Predict(probe)["score"].Float32Values;
        Assert.True(Math.Max(scores[0], scores[1]) * 10 < Math.Min(scores[2], scores[3]), string.Join(", ", scores));
    }
}
