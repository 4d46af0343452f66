namespace Neyman.Stats.Models;

/// <summary>
/// A named group of model parameters (one for scalar modifiers, one per bin for shapefactor, shapesys and
/// staterror), with its place in the parameter vector, its suggested starting point and bounds and its constraint.
/// </summary>
/// <param name="Name">The set's name; a one-parameter set's parameter has the same name, others are Name[i].</param>
/// <param name="Offset">Index of the set's first parameter in the model's parameter vector.</param>
/// <param name="Count">Number of parameters.</param>
/// <param name="Constraint">The constraint kind.</param>
/// <param name="ModifierType">The modifier type that declared the set first.</param>
/// <param name="Inits">Suggested initial values.</param>
/// <param name="Lower">Lower bounds.</param>
/// <param name="Upper">Upper bounds.</param>
/// <param name="Fixed">Whether each parameter is held constant.</param>
/// <param name="Auxdata">Auxiliary data (constraint centres; tau for Poisson constraints).</param>
/// <param name="Sigmas">Gaussian widths (Normal constraints only).</param>
/// <param name="Factors">Poisson scale factors tau (Poisson constraints only).</param>
public sealed record ParameterSet(
    string Name, int Offset, int Count, ConstraintKind Constraint, string ModifierType,
    IReadOnlyList<double> Inits, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper, IReadOnlyList<bool> Fixed,
    IReadOnlyList<double> Auxdata, IReadOnlyList<double> Sigmas, IReadOnlyList<double> Factors)
{
    /// <summary>The name of parameter <paramref name="i"/> of the set, as pyhf prints it.</summary>
    public string ParameterName(int i) => Count == 1 && ModifierType is not ("shapefactor" or "shapesys" or "staterror")
        ? Name
        : $"{Name}[{i}]";
}
