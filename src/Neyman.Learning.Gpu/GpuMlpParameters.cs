using Neyman.Core;

namespace Neyman.Learning.Gpu;

/// <summary>
/// The weights and biases of a <see cref="GpuMlpSpec"/> network on the host. Layer l maps width
/// <c>w[l]</c> to <c>w[l+1]</c>; its weight matrix is row-major <c>w[l] × w[l+1]</c> (input index
/// first), so a row of activations times the matrix gives the next layer's pre-activations.
/// </summary>
public sealed class GpuMlpParameters
{
    /// <summary>Wraps the arrays (not copied); their sizes must match the spec.</summary>
    public GpuMlpParameters(GpuMlpSpec spec, float[][] weights, float[][] biases)
    {
        var widths = spec.Widths;
        Preconditions.CheckArgument(weights.Length == spec.LayerCount && biases.Length == spec.LayerCount, "expected one weight matrix and bias per layer");
        for (var l = 0; l < spec.LayerCount; l++)
        {
            Preconditions.CheckArgument(weights[l].Length == widths[l] * widths[l + 1], $"layer {l}: expected a {widths[l]}x{widths[l + 1]} weight matrix");
            Preconditions.CheckArgument(biases[l].Length == widths[l + 1], $"layer {l}: expected {widths[l + 1]} biases");
        }
        Spec = spec;
        Weights = weights;
        Biases = biases;
    }

    /// <summary>The network shape.</summary>
    public GpuMlpSpec Spec { get; }

    /// <summary>The weight matrices, one per layer, row-major (inputs × outputs).</summary>
    public float[][] Weights { get; }

    /// <summary>The bias vectors, one per layer.</summary>
    public float[][] Biases { get; }

    /// <summary>
    /// PyTorch's default initialisation of linear layers: weights and biases uniform in
    /// ±1/sqrt(fan-in), drawn from a seeded stream so the same seed gives the same network.
    /// </summary>
    public static GpuMlpParameters Initialize(GpuMlpSpec spec, ulong seed)
    {
        var widths = spec.Widths;
        var random = new RandomStream(seed);
        var weights = new float[spec.LayerCount][];
        var biases = new float[spec.LayerCount][];
        for (var l = 0; l < spec.LayerCount; l++)
        {
            var bound = 1.0 / Math.Sqrt(widths[l]);
            weights[l] = new float[widths[l] * widths[l + 1]];
            biases[l] = new float[widths[l + 1]];
            for (var i = 0; i < weights[l].Length; i++)
            {
                weights[l][i] = (float)((2 * random.NextDouble() - 1) * bound);
            }
            for (var i = 0; i < biases[l].Length; i++)
            {
                biases[l][i] = (float)((2 * random.NextDouble() - 1) * bound);
            }
        }
        return new GpuMlpParameters(spec, weights, biases);
    }

    /// <summary>A deep copy.</summary>
    public GpuMlpParameters Clone() =>
        new(Spec, Weights.Select(w => (float[])w.Clone()).ToArray(), Biases.Select(b => (float[])b.Clone()).ToArray());
}
