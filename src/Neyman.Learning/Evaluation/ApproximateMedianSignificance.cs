namespace Neyman.Learning.Evaluation;

/// <summary>
/// The approximate median significance of the Higgs boson machine learning challenge (Adam-Bourdarios
/// et al. 2014): AMS = sqrt(2 ((s + b + b_reg) ln(1 + s / (b + b_reg)) - s)), with s and b the weighted
/// signal and background selected by a cut and the regularisation b_reg = 10 that keeps a cut from
/// selecting a handful of events.
/// </summary>
public static class ApproximateMedianSignificance
{
    /// <summary>The challenge's regularisation term.</summary>
    public const double ChallengeRegularization = 10;

    /// <summary>The AMS of a selection with weighted signal <paramref name="s"/> and background <paramref name="b"/>.</summary>
    public static double Compute(double s, double b, double regularization = ChallengeRegularization)
    {
        var denominator = b + regularization;
        if (!(denominator > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(b), b, "b + b_reg must be positive");
        }
        var radicand = 2 * ((s + denominator) * Math.Log(1 + s / denominator) - s);
        // Rounding can make the radicand a tiny negative number when s is close to 0.
        return Math.Sqrt(Math.Max(0, radicand));
    }

    /// <summary>
    /// The AMS of every cut "score &gt;= threshold" and the best one. Signal and background weights are used as
    /// given, so they should be normalised to the luminosity of interest (as in the challenge).
    /// </summary>
    public static AmsScan Scan(BinaryScores sample, double regularization = ChallengeRegularization) =>
        Scan(ScoreLevels.From(sample), regularization);

    /// <summary>The AMS scan over grouped scores.</summary>
    public static AmsScan Scan(ScoreLevels levels, double regularization = ChallengeRegularization)
    {
        var thresholds = new double[levels.Count];
        var values = new double[levels.Count];
        double s = 0, b = 0;
        var best = 0;
        for (var l = 0; l < levels.Count; l++)
        {
            s += levels.SignalWeights[l];
            b += levels.BackgroundWeights[l];
            thresholds[l] = levels.Values[l];
            values[l] = b + regularization > 0 ? Compute(s, b, regularization) : 0;
            if (values[l] > values[best])
            {
                best = l;
            }
        }
        return new AmsScan(thresholds, values, best);
    }
}
