namespace Neyman.Learning.Trees;

/// <summary>
/// Multiclass cross-entropy L = -w log p_y with p = softmax(s). Gradient w (p_k - [k = y]); hessian the diagonal
/// w p_k (1 - p_k), floored at 1e-16 w so that a confident class still has a defined Newton step.
/// </summary>
public sealed class SoftmaxLoss : IBoostingObjective
{
    private readonly double[] labels;
    private readonly double[] weights;

    /// <summary>Binds the loss to class indices and weights.</summary>
    /// <param name="labels">Class indices 0..classCount-1.</param>
    /// <param name="weights">The event weights.</param>
    /// <param name="classCount">The number of classes, at least 2.</param>
    public SoftmaxLoss(double[] labels, double[] weights, int classCount)
    {
        ObjectiveChecks.SameLength(labels, weights);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        this.labels = labels;
        this.weights = weights;
        OutputCount = classCount;
    }

    /// <inheritdoc/>
    public int OutputCount { get; }

    /// <inheritdoc/>
    public int EventCount => labels.Length;

    /// <summary>The log of each class's weighted fraction, floored at 1e-6.</summary>
    public double[] InitialScores()
    {
        var mass = new double[OutputCount];
        var total = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            mass[(int)labels[i]] += weights[i];
            total += weights[i];
        }

        return [.. mass.Select(m => Math.Log(Math.Max(total > 0 ? m / total : 1.0 / OutputCount, 1e-6)))];
    }

    /// <summary>Writes softmax(score) into <paramref name="probability"/>, shifting by the maximum for stability.</summary>
    /// <param name="score">The raw scores of one event.</param>
    /// <param name="probability">Receives the class probabilities.</param>
    public static void Softmax(ReadOnlySpan<double> score, Span<double> probability)
    {
        var max = double.NegativeInfinity;
        foreach (var s in score)
        {
            max = Math.Max(max, s);
        }

        var sum = 0.0;
        for (var k = 0; k < score.Length; k++)
        {
            probability[k] = Math.Exp(score[k] - max);
            sum += probability[k];
        }

        for (var k = 0; k < score.Length; k++)
        {
            probability[k] /= sum;
        }
    }

    /// <inheritdoc/>
    public void ComputeGradients(ReadOnlySpan<double> score, Span<float> gradient, Span<float> hessian)
    {
        var k = OutputCount;
        ObjectiveChecks.Lengths(labels.Length * k, score, gradient, hessian);
        Span<double> p = stackalloc double[k];
        for (var i = 0; i < labels.Length; i++)
        {
            Softmax(score.Slice(i * k, k), p);
            var w = weights[i];
            for (var c = 0; c < k; c++)
            {
                var y = c == (int)labels[i] ? 1.0 : 0.0;
                gradient[(i * k) + c] = (float)(w * (p[c] - y));
                hessian[(i * k) + c] = (float)(w * Math.Max(p[c] * (1 - p[c]), 1e-16));
            }
        }
    }

    /// <inheritdoc/>
    public double MeanLoss(ReadOnlySpan<double> score)
    {
        var k = OutputCount;
        double sum = 0, total = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var s = score.Slice(i * k, k);
            var max = double.NegativeInfinity;
            foreach (var v in s)
            {
                max = Math.Max(max, v);
            }

            var logSum = 0.0;
            foreach (var v in s)
            {
                logSum += Math.Exp(v - max);
            }

            sum += weights[i] * (max + Math.Log(logSum) - s[(int)labels[i]]);
            total += weights[i];
        }

        return sum / total;
    }
}
