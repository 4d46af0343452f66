namespace Neyman.Stats.Models;

/// <summary>The auxiliary measurement that constrains a parameter set.</summary>
public enum ConstraintKind
{
    /// <summary>Free parameters (normfactor, shapefactor).</summary>
    None,

    /// <summary>Gaussian: aux ~ Normal(theta, sigma) (normsys, histosys, lumi, staterror).</summary>
    Normal,

    /// <summary>Poisson: aux ~ Poisson(theta tau) (shapesys).</summary>
    Poisson,
}
