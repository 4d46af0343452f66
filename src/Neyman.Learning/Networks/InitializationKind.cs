namespace Neyman.Learning.Networks;

/// <summary>How the weights of dense layers are drawn before training (biases start at zero).</summary>
public enum InitializationKind
{
    /// <summary>Glorot (Xavier) uniform: U(−a, a) with a = √(6 / (fan_in + fan_out)); suits tanh and sigmoid.</summary>
    GlorotUniform,

    /// <summary>He (Kaiming) normal: N(0, 2 / fan_in); suits ReLU-like units.</summary>
    HeNormal,

    /// <summary>Glorot for saturating activations, He for ReLU, ELU, GELU and SiLU.</summary>
    Automatic,
}
