namespace Neyman.Learning.Trees;

/// <summary>
/// The best split found for one node: events with bin 1..<see cref="Bin"/> go left, higher bins right, and the
/// missing bin (0) goes left when <see cref="MissingGoesLeft"/>. Carries the gradient, hessian and event sums of
/// both children.
/// </summary>
/// <param name="Feature">The feature index, or -1 when no valid split exists.</param>
/// <param name="Bin">The last value bin that goes left.</param>
/// <param name="MissingGoesLeft">The learned default direction of missing values.</param>
/// <param name="Gain">The loss reduction of the split (see <see cref="SplitMath.SplitGain"/>).</param>
/// <param name="LeftGradient">The left child's summed gradient.</param>
/// <param name="LeftHessian">The left child's summed hessian.</param>
/// <param name="LeftCount">The left child's number of events.</param>
/// <param name="RightGradient">The right child's summed gradient.</param>
/// <param name="RightHessian">The right child's summed hessian.</param>
/// <param name="RightCount">The right child's number of events.</param>
public readonly record struct SplitCandidate(
    int Feature,
    int Bin,
    bool MissingGoesLeft,
    double Gain,
    double LeftGradient,
    double LeftHessian,
    long LeftCount,
    double RightGradient,
    double RightHessian,
    long RightCount)
{
    /// <summary>The candidate that means "do not split".</summary>
    public static SplitCandidate None { get; } = new(-1, 0, false, double.NegativeInfinity, 0, 0, 0, 0, 0, 0);

    /// <summary>True when this is a valid split.</summary>
    public bool IsValid => Feature >= 0;
}
