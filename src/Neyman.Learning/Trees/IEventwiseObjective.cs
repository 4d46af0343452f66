namespace Neyman.Learning.Trees;

/// <summary>
/// An objective whose events do not interact (every one but the flatness loss), so that the boosting loop can split
/// the gradient pass into fixed blocks on several threads. Block results are combined in block order, so the
/// training does not depend on the thread count.
/// </summary>
public interface IEventwiseObjective : IBoostingObjective
{
    /// <summary>The summed event weight, the denominator of the mean loss.</summary>
    double TotalWeight { get; }

    /// <summary>
    /// Fills the gradients and hessians of the events <paramref name="first"/> onwards (as many as the spans hold)
    /// and returns their summed weighted loss at these scores.
    /// </summary>
    /// <param name="first">The first event of the block.</param>
    /// <param name="score">The block's raw scores, events x outputs.</param>
    /// <param name="gradient">Receives the block's gradients.</param>
    /// <param name="hessian">Receives the block's hessians.</param>
    double ComputeBlock(int first, ReadOnlySpan<double> score, Span<float> gradient, Span<float> hessian);
}
