namespace Neyman.Learning.Networks;

/// <summary>
/// Weighted binary cross-entropy on logits, in the numerically stable form
/// <c>max(z, 0) − z·y + log(1 + e^−|z|)</c>, averaged with the event weights.
/// </summary>
public static class BinaryCrossEntropy
{
    /// <summary>
    /// Returns the weighted mean loss and writes dLoss/dLogit into <paramref name="gradient"/>.
    /// </summary>
    /// <param name="logits">Network outputs before the sigmoid.</param>
    /// <param name="labels">Targets, 0 or 1 (values in between are allowed).</param>
    /// <param name="weights">Event weights.</param>
    /// <param name="gradient">Receives the gradient of the mean loss with respect to each logit.</param>
    public static double Evaluate(ReadOnlySpan<float> logits, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights, Span<float> gradient)
    {
        if (labels.Length != logits.Length || weights.Length != logits.Length || gradient.Length != logits.Length)
        {
            throw new ArgumentException("expected logits, labels, weights and gradient of the same length", nameof(labels));
        }
        double totalWeight = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            totalWeight += weights[i];
        }
        if (!(totalWeight > 0))
        {
            throw new ArgumentException("expected a positive sum of weights", nameof(weights));
        }
        double loss = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            double z = logits[i];
            double y = labels[i];
            loss += weights[i] * (Math.Max(z, 0) - z * y + Math.Log(1 + Math.Exp(-Math.Abs(z))));
            var probability = 1 / (1 + Math.Exp(-z));
            gradient[i] = (float)(weights[i] * (probability - y) / totalWeight);
        }
        return loss / totalWeight;
    }
}
