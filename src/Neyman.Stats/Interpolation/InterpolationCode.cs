namespace Neyman.Stats.Interpolation;

/// <summary>
/// How a modifier's value between and beyond its -1 sigma and +1 sigma templates is computed from its nuisance
/// parameter alpha (HistFactory's interpolation codes; pyhf defaults: normsys <see cref="Code4"/>, histosys
/// <see cref="Code4P"/>).
/// </summary>
public enum InterpolationCode
{
    /// <summary>Piecewise linear, additive.</summary>
    Code0,

    /// <summary>Piecewise exponential, multiplicative.</summary>
    Code1,

    /// <summary>Quadratic inside [-1, 1] with linear extrapolation, additive.</summary>
    Code2,

    /// <summary>Sixth-order polynomial inside [-1, 1] with exponential extrapolation, multiplicative.</summary>
    Code4,

    /// <summary>Sixth-order polynomial inside [-1, 1] with linear extrapolation, additive.</summary>
    Code4P,
}
