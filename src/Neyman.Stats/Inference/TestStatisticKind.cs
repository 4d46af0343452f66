namespace Neyman.Stats.Inference;

/// <summary>Profile-likelihood test statistics (Cowan, Cranmer, Gross, Vitells, arXiv:1007.1727).</summary>
public enum TestStatisticKind
{
    /// <summary>q0: discovery, -2 ln lambda(0), zero when mu-hat &lt; 0.</summary>
    Q0,

    /// <summary>q_mu: upper limits, -2 ln lambda(mu), zero when mu-hat &gt; mu.</summary>
    Qmu,

    /// <summary>q~_mu: as q_mu with the POI bounded below by zero (pyhf's default).</summary>
    QmuTilde,

    /// <summary>t_mu: -2 ln lambda(mu), two-sided.</summary>
    Tmu,

    /// <summary>t~_mu: as t_mu with the POI bounded below by zero.</summary>
    TmuTilde,
}
