using Neyman.Core;

namespace Neyman.Learning.Networks;

/// <summary>
/// The per-batch buffers of a <see cref="MultilayerPerceptron"/>: pre-activations and activations of every
/// layer (shared where the activation can be differentiated from its output alone) and two gradient buffers
/// used in turn during back-propagation. Allocated once for a maximum batch size and reused.
/// </summary>
public sealed class NetworkWorkspace
{
    private readonly float[][]? _masks;
    private readonly float[][]? _dropped;
    private readonly float[]?[] _normalized;
    private readonly float[]?[] _inverseDeviation;

    /// <summary>Allocates buffers for batches of up to <paramref name="maxRows"/> events.</summary>
    /// <param name="network">The network whose passes use the buffers.</param>
    /// <param name="maxRows">The largest batch.</param>
    /// <param name="dropout">Whether to allocate dropout masks for the hidden layers.</param>
    public NetworkWorkspace(MultilayerPerceptron network, int maxRows, bool dropout = false)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (maxRows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRows), "expected at least one row");
        }
        MaxRows = maxRows;
        var layers = network.Layers;
        PreActivations = new float[layers.Count][];
        _normalized = new float[layers.Count][];
        _inverseDeviation = new float[layers.Count][];
        Activations = new float[layers.Count][];
        var widest = network.InputCount;
        for (var l = 0; l < layers.Count; l++)
        {
            var size = maxRows * layers[l].Outputs;
            PreActivations[l] = new float[size];
            Activations[l] = NeedsPreActivation(layers[l].Activation) ? new float[size] : PreActivations[l];
            widest = Math.Max(widest, layers[l].Outputs);
            if (layers[l].IsNormalized)
            {
                _normalized[l] = new float[size];
                _inverseDeviation[l] = new float[maxRows];
            }
        }
        if (dropout)
        {
            _masks = new float[layers.Count - 1][];
            _dropped = new float[layers.Count - 1][];
            for (var l = 0; l < layers.Count - 1; l++)
            {
                _masks[l] = new float[maxRows * layers[l].Outputs];
                _dropped[l] = new float[maxRows * layers[l].Outputs];
            }
        }
        GradientA = new float[maxRows * widest];
        GradientB = new float[maxRows * widest];
        OutputGradient = new float[maxRows * network.OutputCount];
    }

    /// <summary>The largest batch the buffers hold.</summary>
    public int MaxRows { get; }

    /// <summary>Pre-activations z = x·W + b of each layer, rows × outputs.</summary>
    public float[][] PreActivations { get; }

    /// <summary>Activations act(z) of each layer; the same array as the pre-activations when the derivative needs only the output.</summary>
    public float[][] Activations { get; }

    /// <summary>Network outputs of the last forward pass (the last layer's activations), rows × outputs.</summary>
    public float[] Output => Activations[^1];

    /// <summary>dLoss/dOutput, filled by the caller before <see cref="MultilayerPerceptron.Backward"/>.</summary>
    public float[] OutputGradient { get; }

    /// <summary>Whether the next forward and backward passes apply dropout masks to the hidden layers.</summary>
    public bool DropoutActive { get; private set; }

    internal float[] GradientA { get; }

    internal float[] GradientB { get; }

    /// <summary>
    /// Draws inverted-dropout masks for a batch of <paramref name="rows"/> events: each hidden unit is kept with
    /// probability 1 − <paramref name="rate"/> and then scaled by 1 / (1 − rate), so inference needs no change.
    /// </summary>
    public void DrawDropoutMasks(RandomStream random, double rate, int rows)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (_masks is null)
        {
            throw new InvalidOperationException("this workspace was created without dropout");
        }
        var kept = (float)(1 / (1 - rate));
        foreach (var mask in _masks)
        {
            var count = mask.Length / MaxRows * rows;
            for (var i = 0; i < count; i++)
            {
                mask[i] = random.NextDouble() < rate ? 0f : kept;
            }
        }
        DropoutActive = true;
    }

    /// <summary>Turns dropout off for the following passes (for evaluation).</summary>
    public void ClearDropoutMasks() => DropoutActive = false;

    /// <summary>What layer <paramref name="layer"/> hands to the next one: its activations, masked when dropout is active.</summary>
    internal float[] LayerOutput(int layer) => DropoutActive && layer < _dropped!.Length ? _dropped[layer] : Activations[layer];

    internal Span<float> Normalized(int layer) => _normalized[layer];

    internal Span<float> InverseDeviation(int layer) => _inverseDeviation[layer];

    internal float[]? Mask(int layer) => DropoutActive && layer < _masks!.Length ? _masks[layer] : null;

    private static bool NeedsPreActivation(ActivationKind kind) => kind is ActivationKind.Gelu or ActivationKind.Silu;
}
