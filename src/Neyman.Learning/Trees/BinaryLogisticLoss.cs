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
    public double ComputeBlock(int first, ReadOnlySpan<double> score, Span<float> gradient, Span<float> hessian) =>
        LogisticKernel.Compute(score, labels.AsSpan(first, score.Length), weights.AsSpan(first, score.Length), gradient, hessian);

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
