namespace Neyman.Learning.Trees;

/// <summary>
/// Huber loss with transition point delta: L = w r^2 / 2 for |r| &lt;= delta, else w delta (|r| - delta / 2), r = s - y.
/// The gradient is w clip(r, -delta, delta); the hessian is taken as w everywhere (the true second derivative
/// vanishes in the linear part, which would make Newton steps unbounded), as LightGBM does.
/// </summary>
public sealed class HuberLoss : IBoostingObjective
{
    private readonly double[] targets;
    private readonly double[] weights;
    private readonly double delta;

    /// <summary>Binds the loss to regression targets and weights.</summary>
    /// <param name="targets">The true values.</param>
    /// <param name="weights">The event weights.</param>
    /// <param name="delta">The transition point, positive.</param>
    public HuberLoss(double[] targets, double[] weights, double delta)
    {
        ObjectiveChecks.SameLength(targets, weights);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(delta);
        this.targets = targets;
        this.weights = weights;
        this.delta = delta;
    }

    /// <inheritdoc/>
    public int OutputCount => 1;

    /// <inheritdoc/>
    public int EventCount => targets.Length;

    /// <summary>The weighted mean target (robust enough as a start; the trees correct it).</summary>
    public double[] InitialScores() => new SquaredErrorLoss(targets, weights).InitialScores();

    /// <inheritdoc/>
    public void ComputeGradients(ReadOnlySpan<double> score, Span<float> gradient, Span<float> hessian)
    {
        ObjectiveChecks.Lengths(targets.Length, score, gradient, hessian);
        for (var i = 0; i < targets.Length; i++)
        {
            gradient[i] = (float)(weights[i] * Math.Clamp(score[i] - targets[i], -delta, delta));
            hessian[i] = (float)weights[i];
        }
    }

    /// <inheritdoc/>
    public double MeanLoss(ReadOnlySpan<double> score)
    {
        double sum = 0, total = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            var r = Math.Abs(score[i] - targets[i]);
            sum += weights[i] * (r <= delta ? r * r / 2 : delta * (r - (delta / 2)));
            total += weights[i];
        }

        return sum / total;
    }
}
