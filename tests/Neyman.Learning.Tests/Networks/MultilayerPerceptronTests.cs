using Neyman.Core;
using Neyman.Learning.Networks;

namespace Neyman.Learning.Tests.Networks;

public class MultilayerPerceptronTests
{
    private static float[] Fill(int count, ulong seed, double scale = 1)
    {
        var random = new RandomStream(seed);
        return Enumerable.Range(0, count).Select(_ => (float)(scale * random.NextGaussian())).ToArray();
    }

    private static double Loss(MultilayerPerceptron network, NetworkWorkspace workspace, float[] input, int rows, float[] targets, float[] weights, float[] gradient)
    {
        var output = network.Forward(workspace, input, rows);
        return RegressionLoss.Evaluate(LossKind.MeanSquaredError, output.AsSpan(0, rows * network.OutputCount), targets, weights, gradient);
    }

    [Theory]
    [InlineData(ActivationKind.Tanh)]
    [InlineData(ActivationKind.Relu)]
    [InlineData(ActivationKind.Sigmoid)]
    [InlineData(ActivationKind.Elu)]
    [InlineData(ActivationKind.Gelu)]
    [InlineData(ActivationKind.Silu)]
    [InlineData(ActivationKind.Tanh, true)]
    [InlineData(ActivationKind.Gelu, true)]
    public void Parameter_and_input_gradients_match_finite_differences(ActivationKind activation, bool layerNormalization = false)
    {
        const int rows = 7, inputs = 5, outputs = 3;
        var network = new MultilayerPerceptron(inputs, [9, 6], activation, outputs, layerNormalization);
        network.Initialize(InitializationKind.GlorotUniform, 3);
        var random = new RandomStream(4);
        foreach (var layer in network.Layers)
        {
            for (var i = 0; i < layer.Outputs; i++)
            {
                network.Parameters[layer.BiasOffset + i] = (float)(0.1 * random.NextGaussian());
                if (layer.IsNormalized)
                {
                    // Scales and shifts away from 1 and 0, so their gradients are tested in general position.
                    network.Parameters[layer.NormalizationOffset + i] = (float)(1 + 0.3 * random.NextGaussian());
                    network.Parameters[layer.NormalizationOffset + layer.Outputs + i] = (float)(0.2 * random.NextGaussian());
                }
            }
        }
        var input = Fill(rows * inputs, 5);
        var targets = Fill(rows * outputs, 6);
        float[] weights = [1f, 2f, 0.5f, 1f, 1.5f, 0.7f, 1f];
        var workspace = new NetworkWorkspace(network, rows);
        var lossGradient = new float[rows * outputs];
        Loss(network, workspace, input, rows, targets, weights, lossGradient);
        lossGradient.CopyTo(workspace.OutputGradient, 0);
        var gradients = new float[network.Parameters.Length];
        var inputGradient = new float[rows * inputs];
        network.Backward(workspace, input, rows, gradients, threads: 2, inputGradient: inputGradient);
        var scratch = new float[rows * outputs];
        // Small enough that no ReLU unit crosses its kink, large enough for float rounding.
        const float step = 2e-3f;
        var skipped = 0;
        bool[] Signs() => workspace.PreActivations.Take(network.Layers.Count - 1).SelectMany(z => z.Select(v => v > 0)).ToArray();
        double Numeric(float[] values, int index)
        {
            var saved = values[index];
            values[index] = saved + step;
            var up = Loss(network, workspace, input, rows, targets, weights, scratch);
            var upSigns = Signs();
            values[index] = saved - step;
            var down = Loss(network, workspace, input, rows, targets, weights, scratch);
            values[index] = saved;
            if (activation == ActivationKind.Relu && !upSigns.SequenceEqual(Signs()))
            {
                // The difference straddles a ReLU kink, where the derivative is not defined.
                skipped++;
                return double.NaN;
            }
            return (up - down) / (2 * (double)step);
        }
        for (var p = 0; p < gradients.Length; p++)
        {
            var numeric = Numeric(network.Parameters, p);
            Assert.True(double.IsNaN(numeric) || Math.Abs(numeric - gradients[p]) < 2e-3 * Math.Max(1, Math.Abs(numeric)), $"{activation} parameter {p}: {gradients[p]} vs {numeric}");
        }
        for (var i = 0; i < input.Length; i++)
        {
            var numeric = Numeric(input, i);
            Assert.True(double.IsNaN(numeric) || Math.Abs(numeric - inputGradient[i]) < 2e-3 * Math.Max(1, Math.Abs(numeric)), $"{activation} input {i}: {inputGradient[i]} vs {numeric}");
        }
        Assert.True(skipped < (gradients.Length + input.Length) / 20, $"{skipped} differences straddled a kink");
    }

    [Fact]
    public void Layer_normalization_gives_rows_of_zero_mean_and_unit_variance()
    {
        var network = new MultilayerPerceptron(3, [16], ActivationKind.Identity, 1, layerNormalization: true);
        network.Initialize(InitializationKind.GlorotUniform, 5);
        var workspace = new NetworkWorkspace(network, 4);
        network.Forward(workspace, Fill(12, 6, scale: 3), 4);
        for (var r = 0; r < 4; r++)
        {
            var row = workspace.Activations[0].AsSpan(r * 16, 16).ToArray();
            var mean = row.Average(v => (double)v);
            var variance = row.Average(v => (v - mean) * (v - mean));
            Assert.Equal(0, mean, 5);
            Assert.Equal(1, variance * (1 + LayerNormalization.Epsilon / variance), 3);
        }
    }

    [Fact]
    public void Forward_matches_a_hand_computed_two_layer_network()
    {
        // x = (1, 2); W1 = [[1, -1], [0.5, 2]], b1 = (0.1, -0.2); tanh; W2 = [[2], [-1]], b2 = 0.3.
        var network = new MultilayerPerceptron(2, [2], ActivationKind.Tanh, 1);
        float[] parameters = [1f, -1f, 0.5f, 2f, 0.1f, -0.2f, 2f, -1f, 0.3f];
        parameters.CopyTo(network.Parameters, 0);
        var workspace = new NetworkWorkspace(network, 1);
        var output = network.Forward(workspace, [1f, 2f], 1);
        var h1 = Math.Tanh(1 * 1 + 2 * 0.5 + 0.1);
        var h2 = Math.Tanh(1 * -1 + 2 * 2 - 0.2);
        Assert.Equal(2 * h1 - h2 + 0.3, output[0], 5);
    }

    [Fact]
    public void Gradients_have_the_same_bits_whatever_the_thread_count()
    {
        const int rows = 150, inputs = 28;
        var network = new MultilayerPerceptron(inputs, [70, 40], ActivationKind.Tanh, 1);
        network.Initialize(InitializationKind.Automatic, 9);
        var input = Fill(rows * inputs, 10);
        float[] Run(int threads)
        {
            var workspace = new NetworkWorkspace(network, rows);
            network.Forward(workspace, input, rows, threads);
            for (var r = 0; r < rows; r++)
            {
                workspace.OutputGradient[r] = workspace.Output[r] - 0.5f;
            }
            var gradients = new float[network.Parameters.Length];
            network.Backward(workspace, input, rows, gradients, threads);
            return gradients;
        }
        Assert.Equal(Run(1), Run(2));
    }
}
