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
}
