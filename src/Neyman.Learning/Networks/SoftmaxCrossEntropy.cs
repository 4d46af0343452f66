namespace Neyman.Learning.Networks;

/// <summary>
/// Weighted softmax cross-entropy on K logits per event: <c>logsumexp(z) − z_y</c>, averaged with the event
/// weights; the gradient with respect to the logits is <c>w·(softmax(z) − onehot(y)) / Σw</c>.
/// </summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>Returns the weighted mean loss and writes dLoss/dLogit into <paramref name="gradient"/>.</summary>
    /// <param name="logits">Row-major events × classes.</param>
    /// <param name="classes">Number of classes K (at least 2).</param>
    /// <param name="labels">The class index of each event, stored as a float (0 .. K−1).</param>
    /// <param name="weights">Event weights.</param>
    /// <param name="gradient">Receives the gradient, same shape as the logits.</param>
    public static double Evaluate(ReadOnlySpan<float> logits, int classes, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights, Span<float> gradient)
    {
        if (classes < 2 || logits.Length != labels.Length * classes || weights.Length != labels.Length || gradient.Length != logits.Length)
        {
            throw new ArgumentException("expected logits of events×classes, one label and weight per event and a gradient like the logits", nameof(logits));
        }
        var totalWeight = LossChecks.TotalWeight(weights);
        double loss = 0;
        Span<double> probabilities = classes <= 64 ? stackalloc double[classes] : new double[classes];
        for (var e = 0; e < labels.Length; e++)
        {
            var row = logits.Slice(e * classes, classes);
            var label = (int)labels[e];
            if (label < 0 || label >= classes || label != labels[e])
            {
                throw new ArgumentException($"expected class labels in 0..{classes - 1}, found {labels[e]} at event {e}", nameof(labels));
            }
            double max = row[0];
            for (var k = 1; k < classes; k++)
            {
                max = Math.Max(max, row[k]);
            }
            double sum = 0;
            for (var k = 0; k < classes; k++)
            {
                probabilities[k] = Math.Exp(row[k] - max);
                sum += probabilities[k];
            }
            var logSum = max + Math.Log(sum);
            loss += weights[e] * (logSum - row[label]);
            for (var k = 0; k < classes; k++)
            {
                var target = k == label ? 1.0 : 0.0;
                gradient[e * classes + k] = (float)(weights[e] * (probabilities[k] / sum - target) / totalWeight);
            }
        }
        return loss / totalWeight;
    }
}
