namespace Neyman.Learning.Evaluation;

/// <summary>
/// The summary of a binary classifier on a test sample, as written to metrics.json and shown in the report.
/// </summary>
public sealed record ClassifierMetrics
{
    /// <summary>The background rejections 1/eps_b at which the signal efficiency is quoted.</summary>
    public static IReadOnlyList<double> StandardRejections { get; } = [10, 100, 1000];

    /// <summary>The weighted AUC.</summary>
    public required double Auc { get; init; }

    /// <summary>The bootstrap standard deviation of the AUC.</summary>
    public required double AucUncertainty { get; init; }

    /// <summary>The number of bootstrap replicas behind <see cref="AucUncertainty"/>.</summary>
    public required int BootstrapReplicas { get; init; }

    /// <summary>The best approximate median significance (b_reg = 10).</summary>
    public required double Ams { get; init; }

    /// <summary>The score cut of the best AMS (select score &gt;= threshold).</summary>
    public required double AmsThreshold { get; init; }

    /// <summary>The selected signal and background weight at the best AMS cut.</summary>
    public required (double Signal, double Background) SelectedAtAmsThreshold { get; init; }

    /// <summary>
    /// The Asimov significance at the best AMS cut: sqrt(2((s+b) ln(1+s/b) - s)), or with a background uncertainty
    /// <see cref="RelativeBackgroundUncertainty"/> times b when that is positive; NaN when no background is selected.
    /// </summary>
    public required double AsimovSignificance { get; init; }

    /// <summary>The relative background uncertainty used for <see cref="AsimovSignificance"/> (0 for a known background).</summary>
    public double RelativeBackgroundUncertainty { get; init; }

    /// <summary>The signal efficiency at each of <see cref="StandardRejections"/>, in that order.</summary>
    public required IReadOnlyList<(double Rejection, double SignalEfficiency)> SignalEfficiencyAtBackgroundRejection { get; init; }

    /// <summary>The overtraining test when training scores were given.</summary>
    public OvertrainingCheck? Overtraining { get; init; }

    /// <summary>The number of signal and background events in the test sample.</summary>
    public required (int Signal, int Background) Events { get; init; }

    /// <summary>The total signal and background weight of the test sample.</summary>
    public required (double Signal, double Background) Weights { get; init; }

    /// <summary>Computes every metric of <paramref name="test"/>, and the overtraining test against <paramref name="train"/> when given.</summary>
    /// <param name="test">The test sample.</param>
    /// <param name="train">The training sample scored by the same classifier, or null.</param>
    /// <param name="bootstrapReplicas">Replicas for the AUC uncertainty.</param>
    /// <param name="seed">The bootstrap seed.</param>
    /// <param name="relativeBackgroundUncertainty">sigma_b / b for the Asimov significance (0: known background).</param>
    public static ClassifierMetrics Compute(BinaryScores test, BinaryScores? train, int bootstrapReplicas, ulong seed, double relativeBackgroundUncertainty = 0)
    {
        if (!(relativeBackgroundUncertainty >= 0) || !double.IsFinite(relativeBackgroundUncertainty))
        {
            throw new ArgumentOutOfRangeException(nameof(relativeBackgroundUncertainty), relativeBackgroundUncertainty, "expected a finite, non-negative relative uncertainty");
        }
        var levels = ScoreLevels.From(test);
        var auc = AreaUnderCurve.Estimate(test, bootstrapReplicas, seed);
        var roc = RocCurve.From(levels, test.SignalWeight, test.BackgroundWeight);
        var scan = ApproximateMedianSignificance.Scan(levels);
        double s = 0, b = 0;
        for (var l = 0; l <= scan.BestIndex; l++)
        {
            s += levels.SignalWeights[l];
            b += levels.BackgroundWeights[l];
        }
        return new ClassifierMetrics
        {
            Auc = auc.Auc,
            AucUncertainty = auc.Uncertainty,
            BootstrapReplicas = auc.Replicas,
            Ams = scan.BestAms,
            AmsThreshold = scan.BestThreshold,
            SelectedAtAmsThreshold = (s, b),
            AsimovSignificance = b > 0 && s >= 0 ? Evaluation.AsimovSignificance.Compute(s, b, relativeBackgroundUncertainty * b) : double.NaN,
            RelativeBackgroundUncertainty = relativeBackgroundUncertainty,
            SignalEfficiencyAtBackgroundRejection = StandardRejections.Select(r => (r, roc.SignalEfficiencyAtBackgroundRejection(r))).ToArray(),
            Overtraining = train is null ? null : OvertrainingCheck.Compare(train, test),
            Events = (test.SignalCount, test.BackgroundCount),
            Weights = (test.SignalWeight, test.BackgroundWeight),
        };
    }
}
