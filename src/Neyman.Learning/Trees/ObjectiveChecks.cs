namespace Neyman.Learning.Trees;

/// <summary>Argument checks shared by the objectives.</summary>
internal static class ObjectiveChecks
{
    public static void SameLength(double[] labels, double[] weights)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(weights);
        if (labels.Length != weights.Length)
        {
            throw new ArgumentException("Labels and weights must have the same length.", nameof(weights));
        }
    }

    public static void Lengths(int expected, ReadOnlySpan<double> score, Span<float> gradient, Span<float> hessian)
    {
        if (score.Length != expected || gradient.Length != expected || hessian.Length != expected)
        {
            throw new ArgumentException("Score, gradient and hessian must have events x outputs entries.", nameof(score));
        }
    }
}
