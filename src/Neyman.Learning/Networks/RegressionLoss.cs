namespace Neyman.Learning.Networks;

/// <summary>
/// Weighted regression losses on row-major events × outputs: mean squared error <c>(o − t)²</c> and Huber
/// <c>½r² for |r| ≤ δ, δ(|r| − ½δ) beyond</c>, each averaged over the outputs of an event and then over events
/// with the event weights.
/// </summary>
public static class RegressionLoss
{
    /// <summary>Returns the weighted mean loss and writes dLoss/dOutput into <paramref name="gradient"/>.</summary>
    /// <param name="kind"><see cref="LossKind.MeanSquaredError"/> or <see cref="LossKind.Huber"/>.</param>
    /// <param name="outputs">Network outputs, events × width.</param>
    /// <param name="targets">Targets, same shape.</param>
    /// <param name="weights">Event weights, one per event.</param>
    /// <param name="gradient">Receives the gradient, same shape as the outputs.</param>
    /// <param name="delta">The Huber transition point (positive).</param>
    public static double Evaluate(LossKind kind, ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, ReadOnlySpan<float> weights, Span<float> gradient, double delta = 1.0)
    {
        if (kind is not (LossKind.MeanSquaredError or LossKind.Huber))
        {
            throw new ArgumentException("expected a regression loss", nameof(kind));
        }
        if (weights.Length == 0 || outputs.Length % weights.Length != 0 || targets.Length != outputs.Length || gradient.Length != outputs.Length)
        {
            throw new ArgumentException("expected outputs and targets of events×width and one weight per event", nameof(outputs));
        }
        if (!(delta > 0))
        {
            throw new ArgumentException("expected a positive Huber delta", nameof(delta));
        }
        var width = outputs.Length / weights.Length;
        var totalWeight = LossChecks.TotalWeight(weights);
        double loss = 0;
        for (var e = 0; e < weights.Length; e++)
        {
            var scale = weights[e] / (totalWeight * width);
            for (var k = 0; k < width; k++)
            {
                var index = e * width + k;
                double residual = outputs[index] - (double)targets[index];
                double value, slope;
                if (kind == LossKind.MeanSquaredError || Math.Abs(residual) <= delta)
                {
                    value = kind == LossKind.MeanSquaredError ? residual * residual : 0.5 * residual * residual;
                    slope = kind == LossKind.MeanSquaredError ? 2 * residual : residual;
                }
                else
                {
                    value = delta * (Math.Abs(residual) - 0.5 * delta);
                    slope = delta * Math.Sign(residual);
                }
                loss += scale * value;
                gradient[index] = (float)(scale * slope);
            }
        }
        return loss;
    }
}
