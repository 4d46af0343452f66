namespace Neyman.Learning.Networks;

/// <summary>Dispatches a <see cref="LossKind"/> to its kernel.</summary>
public static class NetworkLoss
{
    /// <summary>Returns the weighted mean loss of <paramref name="outputs"/> (events × width) and writes dLoss/dOutput.</summary>
    /// <param name="kind">The loss.</param>
    /// <param name="outputs">Network outputs (logits for the classifiers).</param>
    /// <param name="width">Outputs per event.</param>
    /// <param name="targets">Labels (classifiers: one per event) or targets (regression: width per event).</param>
    /// <param name="weights">Event weights.</param>
    /// <param name="gradient">Receives dLoss/dOutput.</param>
    /// <param name="huberDelta">Transition point of the Huber loss.</param>
    public static double Evaluate(LossKind kind, ReadOnlySpan<float> outputs, int width, ReadOnlySpan<float> targets, ReadOnlySpan<float> weights, Span<float> gradient, double huberDelta = 1.0) => kind switch
    {
        LossKind.BinaryCrossEntropy when width == 1 => BinaryCrossEntropy.Evaluate(outputs, targets, weights, gradient),
        LossKind.BinaryCrossEntropy => throw new ArgumentException("expected one output for binary cross-entropy", nameof(width)),
        LossKind.SoftmaxCrossEntropy => SoftmaxCrossEntropy.Evaluate(outputs, width, targets, weights, gradient),
        _ => RegressionLoss.Evaluate(kind, outputs, targets, weights, gradient, huberDelta),
    };
}
