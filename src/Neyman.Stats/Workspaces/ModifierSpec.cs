namespace Neyman.Stats.Workspaces;

/// <summary>
/// One modifier of a sample as written in a pyhf workspace: its parameter name, its type and its data,
/// already checked against the sample's bin count.
/// </summary>
/// <param name="Name">The parameter (or parameter set) the modifier is driven by.</param>
/// <param name="Type">The modifier type: normfactor, shapefactor, lumi, normsys, histosys, shapesys or staterror.</param>
/// <param name="Path">The JSON path of the modifier in its workspace, for error messages.</param>
public sealed record ModifierSpec(string Name, string Type, string Path)
{
    /// <summary>Per-bin values: absolute uncertainties for shapesys and staterror; empty otherwise.</summary>
    public IReadOnlyList<double> Values { get; init; } = [];

    /// <summary>Per-bin yields at alpha = +1 (histosys); empty otherwise.</summary>
    public IReadOnlyList<double> HighData { get; init; } = [];

    /// <summary>Per-bin yields at alpha = -1 (histosys); empty otherwise.</summary>
    public IReadOnlyList<double> LowData { get; init; } = [];

    /// <summary>Normalisation factor at alpha = +1 (normsys); 1 otherwise.</summary>
    public double HighFactor { get; init; } = 1.0;

    /// <summary>Normalisation factor at alpha = -1 (normsys); 1 otherwise.</summary>
    public double LowFactor { get; init; } = 1.0;
}
