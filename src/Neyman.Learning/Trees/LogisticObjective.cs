namespace Neyman.Learning.Trees;

/// <summary>
/// Binary logistic loss on raw scores: L = -w [y log p + (1 - y) log(1 - p)], p = 1 / (1 + exp(-score)).
/// Gradients and hessians are scaled by the event weight, negative weights included (their hessian is negative;
/// the tree learner must guard leaves whose hessian sum is not positive).
/// </summary>
public static class LogisticObjective
{
    /// <summary>The probability p = 1 / (1 + exp(-score)), computed without overflow.</summary>
    /// <param name="score">The raw score (log-odds).</param>
    public static double Probability(double score) =>
        score >= 0 ? 1.0 / (1.0 + Math.Exp(-score)) : Math.Exp(score) / (1.0 + Math.Exp(score));

    /// <summary>The weighted loss of one event.</summary>
    /// <param name="score">The raw score.</param>
    /// <param name="label">The label, 0 or 1.</param>
    /// <param name="weight">The event weight.</param>
    public static double Loss(double score, double label, double weight)
    {
        // log(1 + exp(s)) - y s, written stably.
        var softplus = Math.Max(score, 0.0) + double.LogP1(Math.Exp(-Math.Abs(score)));
        return weight * (softplus - (label * score));
    }

    /// <summary>Fills gradient w (p - y) and hessian w p (1 - p) for each event.</summary>
    /// <param name="score">Raw scores.</param>
    /// <param name="label">Labels, 0 or 1.</param>
    /// <param name="weight">Event weights.</param>
    /// <param name="gradient">Receives the first derivatives of the loss in the score.</param>
    /// <param name="hessian">Receives the second derivatives of the loss in the score.</param>
    public static void ComputeGradients(
        ReadOnlySpan<double> score,
        ReadOnlySpan<double> label,
        ReadOnlySpan<double> weight,
        Span<float> gradient,
        Span<float> hessian)
    {
        var n = score.Length;
        if (label.Length != n || weight.Length != n || gradient.Length != n || hessian.Length != n)
        {
            throw new ArgumentException("All spans must have the same length.", nameof(score));
        }

        LogisticKernel.Compute(score, label, weight, gradient, hessian);
    }
}
