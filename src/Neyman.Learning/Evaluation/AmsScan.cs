namespace Neyman.Learning.Evaluation;

/// <summary>The approximate median significance for every cut "score &gt;= threshold", tightest first.</summary>
public sealed class AmsScan
{
    /// <summary>Creates the scan result.</summary>
    /// <param name="thresholds">The cut values, largest first.</param>
    /// <param name="values">The AMS of each cut.</param>
    /// <param name="bestIndex">The index of the largest AMS (the first one on ties).</param>
    public AmsScan(double[] thresholds, double[] values, int bestIndex)
    {
        Thresholds = thresholds;
        Values = values;
        BestIndex = bestIndex;
    }

    /// <summary>The cut values, largest first.</summary>
    public double[] Thresholds { get; }

    /// <summary>The AMS of each cut.</summary>
    public double[] Values { get; }

    /// <summary>The index of the best cut.</summary>
    public int BestIndex { get; }

    /// <summary>The largest AMS.</summary>
    public double BestAms => Values[BestIndex];

    /// <summary>The cut that gives the largest AMS: select events with score at or above it.</summary>
    public double BestThreshold => Thresholds[BestIndex];
}
