namespace Neyman.Learning.Trees;

/// <summary>The binary logistic loss of <see cref="LogisticObjective"/> bound to labels (0 or 1) and weights.</summary>
public sealed class BinaryLogisticLoss : IEventwiseObjective
{
    private readonly double[] labels;
    private readonly double[] weights;

    /// <summary>Binds the loss to events; labels must be 0 or 1.</summary>
    /// <param name="labels">The labels.</param>
    /// <param name="weights">The event weights (negative weights allowed).</param>
    public BinaryLogisticLoss(double[] labels, double[] weights)
    {
        ObjectiveChecks.SameLength(labels, weights);
        this.labels = labels;
        this.weights = weights;
    }

    /// <inheritdoc/>
    public int OutputCount => 1;

    /// <inheritdoc/>
    public int EventCount => labels.Length;

    /// <summary>The log-odds of the weighted signal fraction, clamped to avoid infinities.</summary>
    public double[] InitialScores()
    {
        double signal = 0, total = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            signal += weights[i] * labels[i];
            total += weights[i];
        }

        var p = total > 0 ? Math.Clamp(signal / total, 1e-6, 1 - 1e-6) : 0.5;
        return [Math.Log(p / (1 - p))];
    }

    /// <inheritdoc/>
    public void ComputeGradients(ReadOnlySpan<double> score, Span<float> gradient, Span<float> hessian) =>
        LogisticObjective.ComputeGradients(score, labels, weights, gradient, hessian);

    /// <inheritdoc/>
    public double TotalWeight => weights.Sum();

    /// <inheritdoc/>
    public double ComputeBlock(int first, ReadOnlySpan<double> score, Span<float> gradient, Span<float> hessian)
    {
        var count = score.Length;
        var loss = 0.0;
        for (var j = 0; j < count; j++)
        {
            var s = score[j];
            var y = labels[first + j];
            var w = weights[first + j];
            // One exponential serves the probability, its complement and the loss log(1 + exp(s)) - y s.
            var e = Math.Exp(-Math.Abs(s));
            var p = s >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            gradient[j] = (float)(w * (p - y));
            hessian[j] = (float)(w * p * (1.0 - p));
            loss += w * (Math.Max(s, 0.0) + double.LogP1(e) - (y * s));
        }

        return loss;
    }

    /// <inheritdoc/>
    public double MeanLoss(ReadOnlySpan<double> score)
    {
        double sum = 0, total = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            sum += LogisticObjective.Loss(score[i], labels[i], weights[i]);
            total += weights[i];
        }

        return sum / total;
    }
}
