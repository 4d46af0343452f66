using Neyman.Core;
using Neyman.Learning.Evaluation;
using Neyman.Learning.Networks;

namespace Neyman.Learning.Tests.Networks;

public class NetworkTrainerTests
{
    /// <summary>
    /// Signal N(μ, I) against background N(0, I) in <paramref name="dimensions"/> dimensions: the likelihood
    /// ratio is monotone in μ·x, so its AUC on the same events is the best any classifier can reach.
    /// </summary>
    internal static (NetworkDataset Data, float[] LikelihoodRatio) Gaussians(int events, int dimensions, double shift, ulong seed)
    {
        var random = new RandomStream(seed);
        var features = new float[events * dimensions];
        var labels = new float[events];
        var weights = new float[events];
        var ratio = new float[events];
        for (var e = 0; e < events; e++)
        {
            labels[e] = e % 2;
            weights[e] = 1f;
            double projection = 0;
            for (var d = 0; d < dimensions; d++)
            {
                var value = random.NextGaussian() + (labels[e] == 1 ? shift : 0);
                features[e * dimensions + d] = (float)value;
                projection += value;
            }
            ratio[e] = (float)projection;
        }
        return (new NetworkDataset(features, dimensions, labels, 1, weights), ratio);
    }

    // The library's AUC (ties count one half), unweighted.
    private static double Auc(NetworkDataset data, float[] scores) =>
        AreaUnderCurve.Compute(BinaryScores.Create(Array.ConvertAll(scores, s => (double)s), Array.ConvertAll(data.Targets, t => (double)t)));

    private static float[] Scores(MultilayerPerceptron network, NetworkDataset data)
    {
        var workspace = new NetworkWorkspace(network, data.Count);
        return network.Forward(workspace, data.Features, data.Count).AsSpan(0, data.Count).ToArray();
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd, 0.05)]
    [InlineData(OptimizerKind.Nesterov, 0.05)]
    [InlineData(OptimizerKind.Adam, 0.003)]
    [InlineData(OptimizerKind.AdamW, 0.003)]
    public void Classifier_reaches_the_likelihood_ratio_auc_on_gaussians(OptimizerKind optimizer, double rate)
    {
        var (train, _) = Gaussians(4000, 3, 0.6, 1);
        var (test, ratio) = Gaussians(4000, 3, 0.6, 2);
        var options = new NetworkTrainingOptions
        {
            HiddenLayers = [16, 16], Activation = ActivationKind.Tanh, Optimizer = optimizer, LearningRate = rate,
            Momentum = 0.9, BatchSize = 50, Epochs = 8, Seed = 3,
        };
        var result = NetworkTrainer.Train(train, test, 1, options);
        var exact = Auc(test, ratio);
        var network = Auc(test, Scores(result.Network, test));
        // Exact likelihood-ratio AUC here is about Φ(0.6·√3/√2) ≈ 0.769; the network must come within 0.006.
        Assert.InRange(exact, 0.74, 0.80);
        Assert.True(network > exact - 0.006, $"{optimizer}: network AUC {network:F4} vs likelihood ratio {exact:F4}");
        Assert.Equal(network, result.History[^1].ValidationAuc, 6);
        Assert.True(result.History[^1].TrainingLoss < result.History[0].TrainingLoss + 1e-3);
    }

    [Fact]
    public void Same_seed_gives_the_same_bits_whatever_the_thread_count()
    {
        var (train, _) = Gaussians(600, 5, 0.5, 4);
        var options = new NetworkTrainingOptions { HiddenLayers = [40, 33], BatchSize = 64, Epochs = 2, Seed = 5, Dropout = 0.2 };
        var one = NetworkTrainer.Train(train, null, 1, options with { Threads = 1 });
        var two = NetworkTrainer.Train(train, null, 1, options with { Threads = 2 });
        Assert.Equal(one.Network.Parameters, two.Network.Parameters);
        var other = NetworkTrainer.Train(train, null, 1, options with { Seed = 6 });
        Assert.NotEqual(one.Network.Parameters, other.Network.Parameters);
    }

    [Fact]
    public void Diverging_loss_stops_with_the_epoch_and_batch()
    {
        var (train, _) = Gaussians(400, 3, 3, 7);
        var options = new NetworkTrainingOptions { HiddenLayers = [8], Activation = ActivationKind.Relu, LearningRate = 1e30, BatchSize = 20, Epochs = 3 };
        var error = Assert.Throws<NonConvergenceException>(() => NetworkTrainer.Train(train, null, 1, options));
        Assert.Matches(@"diverged at epoch 1, batch \d+", error.Message);
    }

    [Fact]
    public void Early_stopping_keeps_the_best_epoch()
    {
        // A large network on few events overfits: validation loss turns up and training stops early.
        var (train, _) = Gaussians(60, 3, 0.3, 8);
        var (validation, _) = Gaussians(400, 3, 0.3, 9);
        var options = new NetworkTrainingOptions
        {
            HiddenLayers = [64, 64], Optimizer = OptimizerKind.Adam, LearningRate = 0.01, BatchSize = 10, Epochs = 200, EarlyStoppingPatience = 4,
        };
        var result = NetworkTrainer.Train(train, validation, 1, options);
        Assert.True(result.StoppedEarly);
        Assert.Equal(result.BestEpoch + 4, result.History.Count);
        var best = result.History.Min(e => e.ValidationLoss);
        Assert.Equal(best, result.History[result.BestEpoch - 1].ValidationLoss);
        var (loss, _) = NetworkTrainer.Evaluate(result.Network, new NetworkWorkspace(result.Network, 400), validation, options);
        Assert.Equal(best, loss, 6);
    }
}
