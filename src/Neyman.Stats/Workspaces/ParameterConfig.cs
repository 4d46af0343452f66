namespace Neyman.Stats.Workspaces;

/// <summary>
/// A measurement's settings for one parameter set; each entry left null keeps the modifier type's default.
/// </summary>
/// <param name="Name">The parameter set's name.</param>
/// <param name="Path">The JSON path of this entry, for error messages.</param>
public sealed record ParameterConfig(string Name, string Path)
{
    /// <summary>Initial values, one per parameter of the set.</summary>
    public IReadOnlyList<double>? Inits { get; init; }

    /// <summary>Lower and upper bounds, one pair per parameter of the set.</summary>
    public IReadOnlyList<(double Lower, double Upper)>? Bounds { get; init; }

    /// <summary>Whether the set is held constant in fits.</summary>
    public bool? Fixed { get; init; }

    /// <summary>Auxiliary data (the constraint's observed centre), one per parameter.</summary>
    public IReadOnlyList<double>? Auxdata { get; init; }

    /// <summary>Widths of Gaussian constraints, one per parameter.</summary>
    public IReadOnlyList<double>? Sigmas { get; init; }
}
