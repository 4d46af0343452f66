namespace Neyman.Learning.Trees;

/// <summary>
/// Per-feature histograms of summed gradients, hessians and event counts over 256 byte bins, for one tree node.
/// A sibling's histogram is obtained by subtracting the smaller child's from the parent's (the subtraction trick).
/// </summary>
public sealed class GradientHistogram
{
    /// <summary>Bins per feature (one per byte value; bin 0 is the missing-value bin).</summary>
    public const int BinsPerFeature = 256;

    private readonly double[] gradients;
    private readonly double[] hessians;
    private readonly long[] counts;

    /// <summary>Creates an all-zero histogram for the given number of features.</summary>
    /// <param name="featureCount">The number of features, at least 1.</param>
    public GradientHistogram(int featureCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        FeatureCount = featureCount;
        gradients = new double[featureCount * BinsPerFeature];
        hessians = new double[featureCount * BinsPerFeature];
        counts = new long[featureCount * BinsPerFeature];
    }

    /// <summary>The number of features.</summary>
    public int FeatureCount { get; }

    /// <summary>The summed gradient in one bin of one feature.</summary>
    /// <param name="feature">The feature index.</param>
    /// <param name="bin">The bin.</param>
    public double Gradient(int feature, int bin) => gradients[(feature * BinsPerFeature) + bin];

    /// <summary>The summed hessian in one bin of one feature.</summary>
    /// <param name="feature">The feature index.</param>
    /// <param name="bin">The bin.</param>
    public double Hessian(int feature, int bin) => hessians[(feature * BinsPerFeature) + bin];

    /// <summary>The number of events in one bin of one feature.</summary>
    /// <param name="feature">The feature index.</param>
    /// <param name="bin">The bin.</param>
    public long Count(int feature, int bin) => counts[(feature * BinsPerFeature) + bin];

    /// <summary>Adds the given rows, in the order given, to the histogram.</summary>
    /// <param name="binnedColumns">One byte column of bins per feature, indexed by row.</param>
    /// <param name="rows">The rows of the node.</param>
    /// <param name="gradient">Per-row gradients.</param>
    /// <param name="hessian">Per-row hessians.</param>
    public void Accumulate(IReadOnlyList<byte[]> binnedColumns, ReadOnlySpan<int> rows, ReadOnlySpan<float> gradient, ReadOnlySpan<float> hessian)
    {
        ArgumentNullException.ThrowIfNull(binnedColumns);
        if (binnedColumns.Count != FeatureCount)
        {
            throw new ArgumentException("One binned column per feature is required.", nameof(binnedColumns));
        }

        for (var f = 0; f < FeatureCount; f++)
        {
            var column = binnedColumns[f];
            var offset = f * BinsPerFeature;
            foreach (var row in rows)
            {
                var slot = offset + column[row];
                gradients[slot] += gradient[row];
                hessians[slot] += hessian[row];
                counts[slot]++;
            }
        }
    }

    /// <summary>Returns parent minus child: the histogram of the child's sibling.</summary>
    /// <param name="parent">The parent node's histogram.</param>
    /// <param name="child">One child's histogram.</param>
    public static GradientHistogram Subtract(GradientHistogram parent, GradientHistogram child)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(child);
        if (parent.FeatureCount != child.FeatureCount)
        {
            throw new ArgumentException("Histograms must have the same feature count.", nameof(child));
        }

        var result = new GradientHistogram(parent.FeatureCount);
        for (var i = 0; i < result.gradients.Length; i++)
        {
            result.gradients[i] = parent.gradients[i] - child.gradients[i];
            result.hessians[i] = parent.hessians[i] - child.hessians[i];
            result.counts[i] = parent.counts[i] - child.counts[i];
        }

        return result;
    }
}
