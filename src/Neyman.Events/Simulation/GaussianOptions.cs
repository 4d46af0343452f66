namespace Neyman.Events.Simulation;

/// <summary>
/// Settings of the <c>gaussian</c> process: a classification benchmark whose exact likelihood ratio is known. Signal and
/// background are each an equal-weight mixture of <see cref="Components"/> multivariate normal densities in
/// <see cref="Dimensions"/> dimensions. Background means are drawn from N(0, 1) per coordinate; signal means likewise,
/// plus a shift of length <see cref="Separation"/> along the diagonal (1, ..., 1)/sqrt(d). Each component's covariance is
/// L L^T with a random lower-triangular L: diagonal uniform in [0.7, 1.3], below it N(0, 0.3^2).
/// The densities come from <see cref="MixtureSeed"/>, not from the event seed, so samples made with different event
/// seeds (training and test sets) share one truth.
/// </summary>
public sealed record GaussianOptions
{
    /// <summary>Number of features d (1 to 64). Default 4.</summary>
    public int Dimensions { get; init; } = 4;

    /// <summary>Number of normal components in each of the signal and background mixtures (1 to 16). Default 2.</summary>
    public int Components { get; init; } = 2;

    /// <summary>Length of the shift between the signal and background means (0 to 20). Default 1.</summary>
    public double Separation { get; init; } = 1.0;

    /// <summary>Expected fraction of signal events. Default 0.5.</summary>
    public double SignalFraction { get; init; } = 0.5;

    /// <summary>Seed of the mixture parameters (means and covariances). Default 1.</summary>
    public ulong MixtureSeed { get; init; } = 1;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; its parameter name is the property name.</exception>
    public void Validate()
    {
        if (Dimensions is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(Dimensions), Dimensions, "expected a value in [1, 64]");
        }
        if (Components is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(Components), Components, "expected a value in [1, 16]");
        }
        if (!(Separation >= 0 && Separation <= 20))
        {
            throw new ArgumentOutOfRangeException(nameof(Separation), Separation, "expected a value in [0, 20]");
        }
        if (!(SignalFraction >= 0 && SignalFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SignalFraction), SignalFraction, "expected a value in [0, 1]");
        }
    }
}
