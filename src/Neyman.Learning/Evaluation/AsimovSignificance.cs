namespace Neyman.Learning.Evaluation;

/// <summary>
/// The median discovery significance of a counting experiment from the Asimov data set
/// (Cowan, Cranmer, Gross, Vitells, Eur. Phys. J. C 71 (2011) 1554).
/// </summary>
public static class AsimovSignificance
{
    /// <summary>Z = sqrt(2 ((s + b) ln(1 + s/b) - s)) for expected signal s and known background b &gt; 0.</summary>
    public static double Compute(double s, double b)
    {
        CheckCounts(s, b);
        return Math.Sqrt(Math.Max(0, 2 * ((s + b) * Math.Log(1 + s / b) - s)));
    }

    /// <summary>
    /// Z with an absolute background uncertainty sigma_b:
    /// Z = sqrt(2 ((s+b) ln((s+b)(b+sigma^2) / (b^2 + (s+b) sigma^2)) - (b^2/sigma^2) ln(1 + sigma^2 s / (b (b + sigma^2))))),
    /// which tends to <see cref="Compute(double, double)"/> as sigma_b goes to 0.
    /// </summary>
    public static double Compute(double s, double b, double backgroundUncertainty)
    {
        CheckCounts(s, b);
        if (!(backgroundUncertainty >= 0) || !double.IsFinite(backgroundUncertainty))
        {
            throw new ArgumentOutOfRangeException(nameof(backgroundUncertainty), backgroundUncertainty, "expected a finite, non-negative background uncertainty");
        }
        var variance = backgroundUncertainty * backgroundUncertainty;
        if (variance == 0 || variance < 1e-12 * b * b)
        {
            // The second term loses all its digits to cancellation here; the limit is the known-background formula.
            return Compute(s, b);
        }
        var first = (s + b) * Math.Log((s + b) * (b + variance) / (b * b + (s + b) * variance));
        var second = b * b / variance * Math.Log(1 + variance * s / (b * (b + variance)));
        return Math.Sqrt(Math.Max(0, 2 * (first - second)));
    }

    private static void CheckCounts(double s, double b)
    {
        if (!(s >= 0) || !double.IsFinite(s))
        {
            throw new ArgumentOutOfRangeException(nameof(s), s, "expected a finite, non-negative signal");
        }
        if (!(b > 0) || !double.IsFinite(b))
        {
            throw new ArgumentOutOfRangeException(nameof(b), b, "expected a finite, positive background");
        }
    }
}
