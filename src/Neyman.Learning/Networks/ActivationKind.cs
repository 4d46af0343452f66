namespace Neyman.Learning.Networks;

/// <summary>Element-wise non-linearities applied after a dense layer.</summary>
public enum ActivationKind
{
    /// <summary>The identity, y = x.</summary>
    Identity,

    /// <summary>Rectified linear unit, y = max(0, x).</summary>
    Relu,

    /// <summary>Hyperbolic tangent.</summary>
    Tanh,

    /// <summary>Logistic sigmoid, y = 1 / (1 + e^-x).</summary>
    Sigmoid,

    /// <summary>Exponential linear unit with alpha = 1: y = x for x &gt; 0, e^x − 1 otherwise.</summary>
    Elu,

    /// <summary>Gaussian error linear unit, y = x·Φ(x), in the tanh form 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))).</summary>
    Gelu,

    /// <summary>Sigmoid linear unit (swish), y = x·σ(x).</summary>
    Silu,
}
