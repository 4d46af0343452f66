using System.Runtime.CompilerServices;

namespace Neyman.Learning.Trees;

/// <summary>
/// Second-order leaf values and split gains for gradient boosting with L1 (<c>alpha</c>) and L2 (<c>lambda</c>)
/// regularization, as pure functions of the summed gradient G and hessian H of a node.
/// </summary>
public static class SplitMath
{
    /// <summary>Soft-thresholds the gradient sum by the L1 penalty: sign(G) * max(|G| - alpha, 0).</summary>
    /// <param name="gradientSum">The summed gradient G.</param>
    /// <param name="alpha">The L1 penalty, non-negative.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ThresholdL1(double gradientSum, double alpha) =>
        // The same values as the formula, without Math.Sign's call (it is not inlined) in the split scan's inner loop.
        gradientSum > alpha ? gradientSum - alpha : gradientSum < -alpha ? gradientSum + alpha : 0.0;

    /// <summary>The optimal leaf value -T(G) / (H + lambda), before shrinkage.</summary>
    /// <param name="gradientSum">The summed gradient G.</param>
    /// <param name="hessianSum">The summed hessian H.</param>
    /// <param name="lambda">The L2 penalty, non-negative.</param>
    /// <param name="alpha">The L1 penalty, non-negative.</param>
    public static double LeafValue(double gradientSum, double hessianSum, double lambda, double alpha) =>
        -ThresholdL1(gradientSum, alpha) / (hessianSum + lambda);

    /// <summary>The loss reduction a node's optimal leaf brings: T(G)^2 / (H + lambda).</summary>
    /// <param name="gradientSum">The summed gradient G.</param>
    /// <param name="hessianSum">The summed hessian H.</param>
    /// <param name="lambda">The L2 penalty, non-negative.</param>
    /// <param name="alpha">The L1 penalty, non-negative.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NodeScore(double gradientSum, double hessianSum, double lambda, double alpha)
    {
        var t = ThresholdL1(gradientSum, alpha);
        return t * t / (hessianSum + lambda);
    }

    /// <summary>The split gain 0.5 * (score(left) + score(right) - score(parent)), parent = left + right.</summary>
    /// <param name="leftGradient">Summed gradient of the left child.</param>
    /// <param name="leftHessian">Summed hessian of the left child.</param>
    /// <param name="rightGradient">Summed gradient of the right child.</param>
    /// <param name="rightHessian">Summed hessian of the right child.</param>
    /// <param name="lambda">The L2 penalty, non-negative.</param>
    /// <param name="alpha">The L1 penalty, non-negative.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SplitGain(
        double leftGradient, double leftHessian, double rightGradient, double rightHessian, double lambda, double alpha) =>
        0.5 * (NodeScore(leftGradient, leftHessian, lambda, alpha)
               + NodeScore(rightGradient, rightHessian, lambda, alpha)
               - NodeScore(leftGradient + rightGradient, leftHessian + rightHessian, lambda, alpha));
}
