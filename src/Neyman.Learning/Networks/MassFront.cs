using Neyman.Core;

namespace Neyman.Learning.Networks;

/// <summary>
/// The <see cref="InvariantMassLayer"/>'s part of a <see cref="NetworkTrainer"/> run: its initialization, batch buffers,
/// optimizer and best-epoch copy.
/// </summary>
internal sealed class MassFront
{
    private const ulong MassPurpose = 0x4D41535345;
    private readonly InvariantMassLayer _layer;
    private readonly NetworkOptimizer _optimizer;
    private readonly float[] _momenta;
    private readonly float[] _masses;
    private readonly float[] _gradients;
    private readonly int _column;
    private readonly int _width;
    private (float[] Weights, float[] Means, float[] Variances)? _best;

    public MassFront(InvariantMassLayer layer, NetworkDataset training, NetworkDataset? validation, NetworkTrainingOptions options)
    {
        Preconditions.CheckArgument(training.Momenta is not null && training.MomentumWidth == layer.MomentumWidth, "expected the training events' four-momenta for the invariant-mass layer");
        Preconditions.CheckArgument(validation is null || (validation.Momenta is not null && validation.MomentumWidth == layer.MomentumWidth), "expected the validation events' four-momenta for the invariant-mass layer");
        _layer = layer;
        layer.Initialize(RandomStream.ForBlock(options.Seed, MassPurpose, 0).NextUInt64());
        var batch = Math.Min(options.BatchSize, training.Count);
        _optimizer = new NetworkOptimizer(options.Optimizer, layer.Weights.Length, options.Beta1, options.Beta2, weightDecay: options.WeightDecay);
        _momenta = new float[batch * layer.MomentumWidth];
        _masses = new float[batch * layer.Combinations];
        _gradients = new float[layer.Weights.Length];
        _column = training.Inputs;
        _width = training.Inputs + layer.Combinations;
        InputGradient = new float[batch * _width];
    }

    public float[] InputGradient { get; }

    public void Forward(NetworkDataset data, ReadOnlySpan<int> rows, float[] x)
    {
        var stride = _layer.MomentumWidth;
        for (var r = 0; r < rows.Length; r++)
        {
            data.Momenta.AsSpan(rows[r] * stride, stride).CopyTo(_momenta.AsSpan(r * stride));
        }
        _layer.Forward(_momenta, rows.Length, x, _width, _column, _masses, training: true);
    }

    public void Step(int rows, double rate, double momentum)
    {
        _layer.Backward(_momenta, rows, _masses, InputGradient, _width, _column, _gradients);
        _optimizer.Step(_layer.Weights, _gradients, rate, momentum);
    }

    public void KeepBest() => _best = ((float[])_layer.Weights.Clone(), (float[])_layer.Means.Clone(), (float[])_layer.Variances.Clone());

    public void RestoreBest()
    {
        if (_best is { } best)
        {
            best.Weights.CopyTo(_layer.Weights, 0);
            best.Means.CopyTo(_layer.Means, 0);
            best.Variances.CopyTo(_layer.Variances, 0);
        }
    }
}
