using Neyman.Core;

namespace Neyman.Learning.Networks;

/// <summary>
/// Training events in the layout the network reads: a row-major events × inputs feature matrix (already
/// standardized), a row-major events × width target matrix and one weight per event.
/// </summary>
public sealed class NetworkDataset
{
    /// <summary>Wraps the given buffers (not copied).</summary>
    public NetworkDataset(float[] features, int inputs, float[] targets, int targetWidth, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(weights);
        Preconditions.CheckArgument(inputs > 0 && targetWidth > 0, "expected positive widths");
        Preconditions.CheckArgument(features.Length == (long)weights.Length * inputs, "expected events × inputs features");
        Preconditions.CheckArgument(targets.Length == (long)weights.Length * targetWidth, "expected events × width targets");
        Features = features;
        Inputs = inputs;
        Targets = targets;
        TargetWidth = targetWidth;
        Weights = weights;
    }

    /// <summary>The feature matrix, events × <see cref="Inputs"/>.</summary>
    public float[] Features { get; }

    /// <summary>Features per event.</summary>
    public int Inputs { get; }

    /// <summary>The target matrix, events × <see cref="TargetWidth"/> (a class index or 0/1 label for classifiers).</summary>
    public float[] Targets { get; }

    /// <summary>Targets per event.</summary>
    public int TargetWidth { get; }

    /// <summary>Event weights.</summary>
    public float[] Weights { get; }

    /// <summary>Number of events.</summary>
    public int Count => Weights.Length;

    /// <summary>
    /// The four-momenta of the objects of an <see cref="InvariantMassLayer"/>, events x <see cref="MomentumWidth"/>
    /// (null without one), computed from the raw inputs before standardization.
    /// </summary>
    public float[]? Momenta { get; init; }

    /// <summary>Four-momentum values per event (0 without <see cref="Momenta"/>).</summary>
    public int MomentumWidth => Momenta is null ? 0 : Momenta.Length / Math.Max(Count, 1);
}
