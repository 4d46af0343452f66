using System.Numerics.Tensors;

namespace Neyman.Learning.Trees;

/// <summary>
/// The largest |gradient|, the largest |hessian| and the smallest hessian (at most 0) of a set of events: what sets the
/// scales of quantized gradients. Maxima and minima do not depend on the order they are taken in.
/// </summary>
/// <param name="MaxGradient">The largest |gradient|.</param>
/// <param name="MaxHessian">The largest |hessian|.</param>
/// <param name="MinHessian">The smallest hessian, or 0 when none is negative.</param>
internal readonly record struct GradientExtremes(float MaxGradient, float MaxHessian, float MinHessian)
{
    /// <summary>The extremes of a run of events.</summary>
    /// <param name="gradient">Their gradients.</param>
    /// <param name="hessian">Their hessians.</param>
    public static GradientExtremes Of(ReadOnlySpan<float> gradient, ReadOnlySpan<float> hessian) => gradient.IsEmpty
        ? new GradientExtremes(0, 0, 0)
        : new GradientExtremes(
            Math.Abs(TensorPrimitives.MaxMagnitude(gradient)), Math.Abs(TensorPrimitives.MaxMagnitude(hessian)), Math.Min(0, TensorPrimitives.Min(hessian)));

    /// <summary>The extremes of both sets together.</summary>
    /// <param name="other">The other set's.</param>
    public GradientExtremes With(GradientExtremes other) => new(
        Math.Max(MaxGradient, other.MaxGradient), Math.Max(MaxHessian, other.MaxHessian), Math.Min(MinHessian, other.MinHessian));
}
