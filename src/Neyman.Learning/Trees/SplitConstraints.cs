namespace Neyman.Learning.Trees;

/// <summary>What a split must satisfy, and the regularization of its gain: the split-finder's slice of the options.</summary>
/// <param name="L1">The L1 penalty (alpha).</param>
/// <param name="L2">The L2 penalty (lambda).</param>
/// <param name="MinChildWeight">The least summed hessian of each child.</param>
/// <param name="MinSamplesLeaf">The least number of events of each child.</param>
/// <param name="MinSplitGain">The least gain; a split must exceed it.</param>
public readonly record struct SplitConstraints(double L1, double L2, double MinChildWeight, int MinSamplesLeaf, double MinSplitGain)
{
    /// <summary>The constraints of a set of options.</summary>
    /// <param name="options">The boosting options.</param>
    public static SplitConstraints From(BoostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.L1, options.L2, options.MinChildWeight, options.MinSamplesLeaf, options.MinSplitGain);
    }

    /// <summary>
    /// True when a child with these sums may exist. Negative event weights can make a hessian sum small or negative;
    /// such children are refused (the hessian sum plus L2 must be positive), so Newton steps stay bounded.
    /// </summary>
    /// <param name="hessian">The child's summed hessian.</param>
    /// <param name="count">The child's number of events.</param>
    public bool Admits(double hessian, long count) =>
        count >= MinSamplesLeaf && hessian >= MinChildWeight && hessian + L2 > 0;
}
