namespace Neyman.Learning.Trees;

/// <summary>Squared error L = w (s - y)^2 / 2: gradient w (s - y), hessian w.</summary>
public sealed class SquaredErrorLoss : IBoostingObjective
{
    private readonly double[] targets;
    private readonly double[] weights;

    /// <summary>Binds the loss to regression targets and weights.</summary>
    /// <param name="targets">The true values.</param>
    /// <param name="weights">The event weights.</param>
    public SquaredErrorLoss(double[] targets, double[] weights)
    {
        ObjectiveChecks.SameLength(targets, weights);
        this.targets = targets;
        this.weights = weights;
    }

    /// <inheritdoc/>
    public int OutputCount => 1;

    /// <inheritdoc/>
    public int EventCount => targets.Length;

    /// <summary>The weighted mean target.</summary>
    public double[] InitialScores()
    {
        double sum = 0, total = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            sum += weights[i] * targets[i];
            total += weights[i];
        }

        return [total > 0 ? sum / total : 0.0];
    }

    /// <inheritdoc/>
    public void ComputeGradients(ReadOnlySpan<double> score, Span<float> gradient, Span<float> hessian)
    {
        ObjectiveChecks.Lengths(targets.Length, score, gradient, hessian);
        for (var i = 0; i < targets.Length; i++)
        {
            gradient[i] = (float)(weights[i] * (score[i] - targets[i]));
            hessian[i] = (float)weights[i];
        }
    }

    /// <inheritdoc/>
    public double MeanLoss(ReadOnlySpan<double> score)
    {
        double sum = 0, total = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            var r = score[i] - targets[i];
            sum += weights[i] * r * r / 2;
            total += weights[i];
        }

        return sum / total;
    }
}
