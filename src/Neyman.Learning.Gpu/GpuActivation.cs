namespace Neyman.Learning.Gpu;

/// <summary>The hidden-layer activations the GPU trainer supports.</summary>
public enum GpuActivation
{
    /// <summary>Hyperbolic tangent, as in Baldi, Sadowski and Whiteson (2014).</summary>
    Tanh = 0,

    /// <summary>Rectified linear unit, max(0, z).</summary>
    Relu = 1,

    /// <summary>Logistic sigmoid, 1 / (1 + exp(-z)).</summary>
    Sigmoid = 2,
}
