using Neyman.Core;

namespace Neyman.Learning.Gpu;

/// <summary>
/// The shape of a binary-classifier MLP trained on the GPU: <see cref="Inputs"/> features, the hidden
/// layer widths, one output logit. Every hidden layer uses <see cref="Activation"/>; the output is linear
/// and trained with weighted binary cross-entropy on the logit.
/// </summary>
public sealed record GpuMlpSpec
{
    /// <summary>Creates a spec, checking the sizes.</summary>
    public GpuMlpSpec(int inputs, IReadOnlyList<int> hidden, GpuActivation activation = GpuActivation.Tanh)
    {
        Preconditions.CheckArgument(inputs > 0, "expected at least one input");
        Preconditions.CheckArgument(hidden.All(h => h > 0), "expected positive hidden-layer widths");
        Inputs = inputs;
        Hidden = hidden.ToArray();
        Activation = activation;
    }

    /// <summary>The number of input features.</summary>
    public int Inputs { get; }

    /// <summary>The widths of the hidden layers, first to last.</summary>
    public IReadOnlyList<int> Hidden { get; }

    /// <summary>The hidden-layer activation.</summary>
    public GpuActivation Activation { get; }

    /// <summary>The widths of all layers, inputs first and the single output last.</summary>
    public int[] Widths => [Inputs, .. Hidden, 1];

    /// <summary>The number of dense layers (hidden layers plus the output layer).</summary>
    public int LayerCount => Hidden.Count + 1;
}
