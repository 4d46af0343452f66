namespace Neyman.Learning.Gpu.Tests;

/// <summary>
/// Runs the GPU kernels on ILGPU's CPU accelerator (the same kernels, no GPU needed) against a
/// double-precision reference network.
/// </summary>
public sealed class GpuMlpTrainerTests(CpuEmulatedTrainer fixture) : IClassFixture<CpuEmulatedTrainer>
{
    private static (float[] X, float[] Y, float[] W) Data(int rows, int inputs, int seed)
    {
        var random = new Random(seed);
        var x = new float[rows * inputs];
        var y = new float[rows];
        var w = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            y[r] = r % 2;
            w[r] = r % 7 == 3 ? -0.25f : 0.5f + (float)random.NextDouble();
            for (var f = 0; f < inputs; f++)
            {
                x[r * inputs + f] = (float)(random.NextDouble() * 2 - 1 + (y[r] > 0 ? 0.4 * (f % 3) : 0));
            }
        }
        return (x, y, w);
    }

    [Theory]
    [InlineData(GpuActivation.Tanh)]
    [InlineData(GpuActivation.Relu)]
    [InlineData(GpuActivation.Sigmoid)]
    public void Prediction_matches_the_reference_forward_pass_on_odd_shapes(GpuActivation activation)
    {
        var spec = new GpuMlpSpec(7, [67, 5], activation);   // widths that straddle the 64-wide GEMM tiles
        var parameters = GpuMlpParameters.Initialize(spec, seed: 3);
        var (x, _, _) = Data(130, 7, 1);
        var trainer = fixture.Trainer;

        var logits = trainer.Predict(parameters, x, batch: 50);

        var reference = ReferenceMlp.Forward(parameters, x, 130);
        for (var r = 0; r < 130; r++)
        {
            Assert.Equal(reference[^1][r][0], logits[r], 5e-6);
        }
    }

    [Theory]
    [InlineData(GpuActivation.Tanh)]
    [InlineData(GpuActivation.Relu)]
    public void Two_momentum_steps_match_the_reference_gradients(GpuActivation activation)
    {
        var spec = new GpuMlpSpec(5, [9, 70], activation);
        var start = GpuMlpParameters.Initialize(spec, seed: 11);
        var (x, y, w) = Data(40, 5, 2);
        var options = new GpuSgdOptions { LearningRate = 0.1f, Momentum = 0.9f, BatchSize = 40, Epochs = 2, Seed = 5 };
        var trainer = fixture.Trainer;

        var trained = trainer.Train(start, x, y, w, options);

        // Full-batch steps do not depend on the shuffle: θ1 = θ0 − r·g0; v1 = 0.9·g0 + g1; θ2 = θ1 − r·v1.
        var all = Enumerable.Range(0, 40).ToArray();
        var (gw0, gb0) = ReferenceMlp.Gradients(start, x, y, w, all);
        var middle = start.Clone();
        for (var l = 0; l < spec.LayerCount; l++)
        {
            for (var i = 0; i < middle.Weights[l].Length; i++)
            {
                middle.Weights[l][i] = (float)(start.Weights[l][i] - 0.1 * gw0[l][i]);
            }
            for (var j = 0; j < middle.Biases[l].Length; j++)
            {
                middle.Biases[l][j] = (float)(start.Biases[l][j] - 0.1 * gb0[l][j]);
            }
        }
        var (gw1, gb1) = ReferenceMlp.Gradients(middle, x, y, w, all);
        for (var l = 0; l < spec.LayerCount; l++)
        {
            for (var i = 0; i < trained.Weights[l].Length; i++)
            {
                var expected = middle.Weights[l][i] - 0.1 * (0.9 * gw0[l][i] + gw1[l][i]);
                Assert.Equal(expected, trained.Weights[l][i], 2e-5);
            }
            for (var j = 0; j < trained.Biases[l].Length; j++)
            {
                var expected = middle.Biases[l][j] - 0.1 * (0.9 * gb0[l][j] + gb1[l][j]);
                Assert.Equal(expected, trained.Biases[l][j], 2e-5);
            }
        }
        Assert.Equal(GpuMlpParameters.Initialize(spec, seed: 11).Weights[0], start.Weights[0]); // input left unchanged
    }

    [Fact]
    public void Training_separates_the_classes()
    {
        // The CPU emulation runs each 256-thread group on OS threads, so keep the number of steps small.
        var spec = new GpuMlpSpec(4, [16, 16]);
        var (x, y, _) = Data(256, 4, 9);
        var options = new GpuSgdOptions { LearningRate = 0.5f, Momentum = 0.5f, BatchSize = 256, Epochs = 4, Seed = 21 };
        var trainer = fixture.Trainer;
        var start = GpuMlpParameters.Initialize(spec, seed: 1);

        var trained = trainer.Train(start, x, y, null, options);

        var auc = Auc(trainer.Predict(trained, x), y);
        Assert.True(auc > 0.8, $"a 4-16-16-1 network should separate the shifted classes, AUC {auc}");
        Assert.True(Loss(trainer.Predict(trained, x), y) < Loss(trainer.Predict(start, x), y));
    }

    [Fact]
    public void The_same_seed_gives_the_same_bits()
    {
        var spec = new GpuMlpSpec(4, [8]);
        var (x, y, w) = Data(96, 4, 4);
        var options = new GpuSgdOptions { BatchSize = 32, Epochs = 1, Seed = 8 };
        var trainer = fixture.Trainer;
        var start = GpuMlpParameters.Initialize(spec, seed: 2);

        var first = trainer.Train(start, x, y, w, options);
        var second = trainer.Train(start, x, y, w, options);
        var other = trainer.Train(start, x, y, w, options with { Seed = 9 });

        Assert.Equal(first.Weights[0], second.Weights[0]);
        Assert.Equal(first.Biases[1], second.Biases[1]);
        Assert.NotEqual(first.Weights[0], other.Weights[0]);
    }

    [Fact]
    public void Bad_shapes_are_rejected()
    {
        var trainer = fixture.Trainer;
        var spec = new GpuMlpSpec(3, [4]);
        var parameters = GpuMlpParameters.Initialize(spec, 1);

        Assert.Throws<ArgumentException>(() => trainer.Train(parameters, new float[5], new float[2], null, new GpuSgdOptions()));
        Assert.Throws<ArgumentException>(() => trainer.Predict(parameters, new float[4]));
        Assert.Throws<ArgumentException>(() => new GpuMlpParameters(spec, [new float[12]], [new float[4]]));
    }

    private static double Loss(float[] logits, float[] y) =>
        logits.Select((z, i) => Math.Log(1 + Math.Exp(-z)) + (1 - y[i]) * z).Average();

    private static double Auc(float[] scores, float[] y)
    {
        var pairs = 0.0;
        var wins = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            if (y[i] != 1) { continue; }
            for (var j = 0; j < y.Length; j++)
            {
                if (y[j] != 0) { continue; }
                pairs++;
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }
}
