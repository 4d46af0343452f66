namespace Neyman.Learning.Evaluation;

/// <summary>
/// The receiver operating characteristic: for each cut "score &gt;= threshold", the weighted signal
/// efficiency and background efficiency. Points run from the tightest cut (threshold +infinity,
/// efficiencies 0) to the loosest (the smallest score, efficiencies 1); tied scores make one point.
/// </summary>
public sealed class RocCurve
{
    private RocCurve(double[] thresholds, double[] signalEfficiency, double[] backgroundEfficiency)
    {
        Thresholds = thresholds;
        SignalEfficiency = signalEfficiency;
        BackgroundEfficiency = backgroundEfficiency;
    }

    /// <summary>The cut values; the first is +infinity (nothing selected).</summary>
    public double[] Thresholds { get; }

    /// <summary>The weighted fraction of signal with score at or above each threshold.</summary>
    public double[] SignalEfficiency { get; }

    /// <summary>The weighted fraction of background with score at or above each threshold.</summary>
    public double[] BackgroundEfficiency { get; }

    /// <summary>The number of points.</summary>
    public int Count => Thresholds.Length;

    /// <summary>Builds the curve of a sample.</summary>
    public static RocCurve From(BinaryScores sample) => From(ScoreLevels.From(sample), sample.SignalWeight, sample.BackgroundWeight);

    /// <summary>Builds the curve from grouped scores and the class weight totals.</summary>
    public static RocCurve From(ScoreLevels levels, double signalWeight, double backgroundWeight)
    {
        var count = levels.Count + 1;
        var thresholds = new double[count];
        var signal = new double[count];
        var background = new double[count];
        thresholds[0] = double.PositiveInfinity;
        double s = 0, b = 0;
        for (var l = 0; l < levels.Count; l++)
        {
            s += levels.SignalWeights[l];
            b += levels.BackgroundWeights[l];
            thresholds[l + 1] = levels.Values[l];
            signal[l + 1] = s / signalWeight;
            background[l + 1] = b / backgroundWeight;
        }
        // The running sums end at the totals up to rounding; the loosest cut selects everything.
        signal[^1] = 1;
        background[^1] = 1;
        return new RocCurve(thresholds, signal, background);
    }

    /// <summary>
    /// The signal efficiency where the background efficiency first reaches <paramref name="backgroundEfficiency"/>,
    /// interpolated linearly between the two neighbouring points (the ROC of a randomised cut between them).
    /// </summary>
    public double SignalEfficiencyAt(double backgroundEfficiency)
    {
        if (!(backgroundEfficiency >= 0 && backgroundEfficiency <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(backgroundEfficiency), backgroundEfficiency, "expected a background efficiency in [0, 1]");
        }
        for (var i = 1; i < Count; i++)
        {
            if (BackgroundEfficiency[i] >= backgroundEfficiency)
            {
                var b0 = BackgroundEfficiency[i - 1];
                var b1 = BackgroundEfficiency[i];
                var s0 = SignalEfficiency[i - 1];
                var s1 = SignalEfficiency[i];
                return b1 == b0 ? s1 : s0 + (s1 - s0) * (backgroundEfficiency - b0) / (b1 - b0);
            }
        }
        return 1;
    }

    /// <summary>The signal efficiency at a background rejection 1/eps_b of <paramref name="rejection"/> (for example 10, 100, 1000).</summary>
    public double SignalEfficiencyAtBackgroundRejection(double rejection)
    {
        if (!(rejection >= 1) || double.IsPositiveInfinity(rejection))
        {
            throw new ArgumentOutOfRangeException(nameof(rejection), rejection, "expected a finite background rejection of at least 1");
        }
        return SignalEfficiencyAt(1 / rejection);
    }

    /// <summary>
    /// A curve with at most about <paramref name="maxPoints"/> points for drawing: a point is kept when the
    /// signal efficiency moved by 1/maxPoints or the background efficiency by a factor 1 + 10/maxPoints since
    /// the last kept point, so the low-background end (log rejection) keeps its shape. First and last points stay.
    /// </summary>
    public RocCurve Thinned(int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        if (Count <= maxPoints)
        {
            return this;
        }
        var keep = new List<int> { 0 };
        var step = 1.0 / maxPoints;
        var factor = 1 + 10.0 / maxPoints;
        for (var i = 1; i < Count - 1; i++)
        {
            var last = keep[^1];
            var ds = Math.Abs(SignalEfficiency[i] - SignalEfficiency[last]);
            var lastB = BackgroundEfficiency[last];
            var bMoved = lastB <= 0 ? BackgroundEfficiency[i] > 0 : BackgroundEfficiency[i] > lastB * factor || BackgroundEfficiency[i] - lastB > step;
            if (ds >= step || bMoved)
            {
                keep.Add(i);
            }
        }
        keep.Add(Count - 1);
        return new RocCurve(
            keep.Select(i => Thresholds[i]).ToArray(),
            keep.Select(i => SignalEfficiency[i]).ToArray(),
            keep.Select(i => BackgroundEfficiency[i]).ToArray());
    }
}
