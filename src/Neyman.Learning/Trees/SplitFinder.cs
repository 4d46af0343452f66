namespace Neyman.Learning.Trees;

/// <summary>
/// The third stage of boosting: scans a node's histogram for the split of largest gain. Both directions of the
/// missing bin are tried for every threshold; ties go to the lower feature, then the lower bin, then missing-right,
/// so the result does not depend on how the scan is scheduled. The split "every value left, missing values right"
/// has <see cref="SplitCandidate.Bin"/> equal to the feature's value-bin count.
/// </summary>
public static class SplitFinder
{
    /// <summary>The best split of one feature, or <see cref="SplitCandidate.None"/>.</summary>
    /// <param name="histogram">The node's histogram.</param>
    /// <param name="feature">The feature to scan.</param>
    /// <param name="valueBinCount">The feature's number of value bins (bins 1..valueBinCount).</param>
    /// <param name="totalGradient">The node's summed gradient.</param>
    /// <param name="totalHessian">The node's summed hessian.</param>
    /// <param name="totalCount">The node's number of events.</param>
    /// <param name="constraints">The regularization and child constraints.</param>
    public static SplitCandidate BestForFeature(
        GradientHistogram histogram,
        int feature,
        int valueBinCount,
        double totalGradient,
        double totalHessian,
        long totalCount,
        SplitConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var missingGradient = histogram.Gradient(feature, FeatureBinMapper.MissingBin);
        var missingHessian = histogram.Hessian(feature, FeatureBinMapper.MissingBin);
        var missingCount = histogram.Count(feature, FeatureBinMapper.MissingBin);
        var best = SplitCandidate.None;
        double leftGradient = 0, leftHessian = 0;
        long leftCount = 0;
        for (var bin = 1; bin < valueBinCount; bin++)
        {
            // An empty bin leaves the sums as they were: its split equals the previous bin's, which wins the tie.
            var count = histogram.Count(feature, bin);
            if (count == 0)
            {
                continue;
            }

            leftGradient += histogram.Gradient(feature, bin);
            leftHessian += histogram.Hessian(feature, bin);
            leftCount += count;
            Consider(ref best, feature, bin, false, leftGradient, leftHessian, leftCount, totalGradient, totalHessian, totalCount, constraints);
            if (missingCount > 0)
            {
                Consider(
                    ref best, feature, bin, true, leftGradient + missingGradient, leftHessian + missingHessian, leftCount + missingCount,
                    totalGradient, totalHessian, totalCount, constraints);
            }
        }

        if (missingCount > 0)
        {
            // Every value left, the missing values alone right.
            leftGradient += histogram.Gradient(feature, valueBinCount);
            leftHessian += histogram.Hessian(feature, valueBinCount);
            leftCount += histogram.Count(feature, valueBinCount);
            Consider(ref best, feature, valueBinCount, false, leftGradient, leftHessian, leftCount, totalGradient, totalHessian, totalCount, constraints);
        }

        return best;
    }

    /// <summary>The better of two candidates under the deterministic tie-breaking rule.</summary>
    /// <param name="a">The first candidate (wins ties when it has the lower feature).</param>
    /// <param name="b">The second candidate.</param>
    public static SplitCandidate Better(SplitCandidate a, SplitCandidate b)
    {
        if (!b.IsValid)
        {
            return a;
        }

        if (!a.IsValid || b.Gain > a.Gain)
        {
            return b;
        }

        return b.Gain == a.Gain && b.Feature < a.Feature ? b : a;
    }

    private static void Consider(
        ref SplitCandidate best,
        int feature,
        int bin,
        bool missingLeft,
        double leftGradient,
        double leftHessian,
        long leftCount,
        double totalGradient,
        double totalHessian,
        long totalCount,
        SplitConstraints constraints)
    {
        var rightGradient = totalGradient - leftGradient;
        var rightHessian = totalHessian - leftHessian;
        var rightCount = totalCount - leftCount;
        if (!constraints.Admits(leftHessian, leftCount) || !constraints.Admits(rightHessian, rightCount))
        {
            return;
        }

        var gain = SplitMath.SplitGain(leftGradient, leftHessian, rightGradient, rightHessian, constraints.L2, constraints.L1);
        if (gain > constraints.MinSplitGain && gain > best.Gain)
        {
            best = new SplitCandidate(
                feature, bin, missingLeft, gain, leftGradient, leftHessian, leftCount, rightGradient, rightHessian, rightCount);
        }
    }
}
