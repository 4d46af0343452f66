using Neyman.Core;
using Neyman.Learning.Networks;

namespace Neyman.Learning.Tests.Networks;

public class OptimizerAndScheduleTests
{
    [Fact]
    public void Sgd_momentum_and_nesterov_match_hand_computed_steps()
    {
        float[] theta = [1f, -2f];
        float[] gradient = [0.5f, -1f];
        var sgd = new NetworkOptimizer(OptimizerKind.Sgd, 2);
        sgd.Step(theta, gradient, 0.1, 0.9);
        sgd.Step(theta, gradient, 0.1, 0.9);
        // v1 = -0.05, θ1 = 0.95; v2 = 0.9·(-0.05) - 0.05 = -0.095, θ2 = 0.855.
        Assert.Equal(0.855f, theta[0], 6);
        Assert.Equal(-2f + 0.1f + 0.19f, theta[1], 6);
        float[] nesterov = [1f];
        var optimizer = new NetworkOptimizer(OptimizerKind.Nesterov, 1);
        optimizer.Step(nesterov, [0.5f], 0.1, 0.9);
        // v = -0.05; θ += 0.9·v - 0.1·0.5 = -0.095.
        Assert.Equal(0.905f, nesterov[0], 6);
    }

    [Fact]
    public void Adam_first_steps_move_by_the_learning_rate_and_adamw_decays_the_weights()
    {
        // With bias correction, Adam's first step is -lr·sign(g) (up to epsilon) whatever |g|.
        float[] theta = [1f, 1f];
        var adam = new NetworkOptimizer(OptimizerKind.Adam, 2);
        adam.Step(theta, [0.001f, -30f], 0.01, 0);
        Assert.Equal(0.99f, theta[0], 5);
        Assert.Equal(1.01f, theta[1], 5);
        // Second step with the same gradient: m̂ = g, v̂ = g², again exactly -lr·sign(g).
        adam.Step(theta, [0.001f, -30f], 0.01, 0);
        Assert.Equal(0.98f, theta[0], 5);
        float[] decayed = [2f];
        var adamW = new NetworkOptimizer(OptimizerKind.AdamW, 1, weightDecay: 0.5);
        adamW.Step(decayed, [0f], 0.1, 0);
        // Zero gradient: only the decoupled decay, θ ← θ - lr·λ·θ = 2 - 0.1.
        Assert.Equal(1.9f, decayed[0], 6);
    }

    [Fact]
    public void Schedules_match_their_formulas()
    {
        var options = new NetworkTrainingOptions { LearningRate = 0.1, Epochs = 10, MinimumLearningRate = 0.001 };
        Assert.Equal(0.1, new LearningRateSchedule(options).Rate(7, 500), 12);
        var exponential = new LearningRateSchedule(options with { Schedule = LearningRateScheduleKind.Exponential, DecayPerBatch = 1.001 });
        Assert.Equal(0.1 / Math.Pow(1.001, 1000), exponential.Rate(3, 1000), 12);
        Assert.Equal(0.001, exponential.Rate(3, 100_000_000), 12);
        var step = new LearningRateSchedule(options with { Schedule = LearningRateScheduleKind.Step, StepEpochs = 3, StepFactor = 0.5 });
        Assert.Equal(0.1, step.Rate(2, 0), 12);
        Assert.Equal(0.025, step.Rate(6, 0), 12);
        var cosine = new LearningRateSchedule(options with { Schedule = LearningRateScheduleKind.Cosine });
        Assert.Equal(0.1, cosine.Rate(0, 0), 12);
        Assert.Equal(0.001 + 0.5 * 0.099, cosine.Rate(5, 0), 12);
        var plateau = new LearningRateSchedule(options with { Schedule = LearningRateScheduleKind.ReduceOnPlateau, PlateauPatience = 2, PlateauFactor = 0.1 });
        plateau.Observe(1.0);
        plateau.Observe(1.1);
        Assert.Equal(0.1, plateau.Rate(2, 0), 12);
        plateau.Observe(1.05);
        Assert.Equal(0.01, plateau.Rate(3, 0), 12);
        var momentum = new LearningRateSchedule(options with { Momentum = 0.9, FinalMomentum = 0.99, MomentumRampEpochs = 200 });
        Assert.Equal(0.9, momentum.Momentum(0), 12);
        Assert.Equal(0.945, momentum.Momentum(100), 12);
        Assert.Equal(0.99, momentum.Momentum(500), 12);
    }

    [Fact]
    public void Dropout_backward_matches_finite_differences_under_fixed_masks()
    {
        const int rows = 5, inputs = 4;
        var network = new MultilayerPerceptron(inputs, [7, 6], ActivationKind.Tanh, 1);
        network.Initialize(InitializationKind.GlorotUniform, 1);
        var workspace = new NetworkWorkspace(network, rows, dropout: true);
        workspace.DrawDropoutMasks(new RandomStream(2), 0.3, rows);
        var random = new RandomStream(3);
        var input = Enumerable.Range(0, rows * inputs).Select(_ => (float)random.NextGaussian()).ToArray();
        float[] targets = [0.5f, -1f, 0.2f, 1f, 0f];
        float[] weights = [1f, 1f, 1f, 1f, 1f];
        var scratch = new float[rows];
        double Loss() => RegressionLoss.Evaluate(LossKind.MeanSquaredError, network.Forward(workspace, input, rows).AsSpan(0, rows), targets, weights, scratch);
        Loss();
        scratch.CopyTo(workspace.OutputGradient, 0);
        var gradients = new float[network.Parameters.Length];
        network.Backward(workspace, input, rows, gradients);
        const float step = 1e-2f;
        for (var p = 0; p < gradients.Length; p++)
        {
            var saved = network.Parameters[p];
            network.Parameters[p] = saved + step;
            var up = Loss();
            network.Parameters[p] = saved - step;
            var down = Loss();
            network.Parameters[p] = saved;
            var numeric = (up - down) / (2 * step);
            Assert.True(Math.Abs(numeric - gradients[p]) < 2e-3 * Math.Max(1, Math.Abs(numeric)), $"parameter {p}: {gradients[p]} vs {numeric}");
        }
        workspace.ClearDropoutMasks();
        Assert.False(workspace.DropoutActive);
    }

    [Fact]
    public void L2_and_l1_penalties_add_their_gradients_to_the_weights_only()
    {
        // One linear layer, zero learning signal (weights 0 loss): the update is driven by the penalties alone.
        var data = new NetworkDataset([1f, 0f], 1, [0.5f, 0.5f], 1, [1f, 1f]);
        var options = new NetworkTrainingOptions { HiddenLayers = [], Loss = LossKind.MeanSquaredError, Momentum = 0, LearningRate = 0.1, BatchSize = 2, Epochs = 1, L2 = 0.5, L1 = 0.25 };
        var plain = NetworkTrainer.Train(data, null, 1, options with { L2 = 0, L1 = 0 });
        var penalized = NetworkTrainer.Train(data, null, 1, options);
        var w0 = new MultilayerPerceptron(1, [], ActivationKind.Tanh, 1);
        w0.Initialize(options.Initialization, options.Seed);
        var initial = w0.Parameters[0];
        // One SGD step without momentum: Δw differs by −lr·(2·λ₂·w + λ₁·sign w); the bias is not penalized.
        var expected = -0.1f * (2 * 0.5f * initial + 0.25f * MathF.Sign(initial));
        Assert.Equal(expected, penalized.Network.Parameters[0] - plain.Network.Parameters[0], 5);
        Assert.Equal(plain.Network.Parameters[1], penalized.Network.Parameters[1]);
    }
}
