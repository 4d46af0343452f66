namespace Neyman.Learning.Networks;

/// <summary>
/// A physics object among a network's input columns, read as a massless four-momentum from its transverse momentum,
/// pseudorapidity and azimuth: E = pT cosh(eta), (px, py, pz) = (pT cos(phi), pT sin(phi), pT sinh(eta)). An object
/// without a pseudorapidity column (the missing transverse momentum) lies in the transverse plane: pz = 0, E = pT.
/// </summary>
/// <param name="Name">The column prefix: the columns are NAME_pt (or NAME_magnitude), NAME_eta (optional) and NAME_phi.</param>
/// <param name="Pt">Index of the transverse-momentum column among the model's input columns.</param>
/// <param name="Eta">Index of the pseudorapidity column, or -1 for an object in the transverse plane.</param>
/// <param name="Phi">Index of the azimuth column.</param>
public sealed record MomentumObject(string Name, int Pt, int Eta, int Phi)
{
    /// <summary>
    /// Finds the columns of the objects named <paramref name="names"/> among <paramref name="columns"/> (see
    /// <see cref="MomentumObject"/> for the naming); null with the first problem in <paramref name="error"/> otherwise.
    /// </summary>
    public static MomentumObject[]? Resolve(IReadOnlyList<string> names, IReadOnlyList<string> columns, out string? error)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(columns);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            index.TryAdd(columns[i], i);
        }
        var objects = new MomentumObject[names.Count];
        for (var o = 0; o < names.Count; o++)
        {
            var name = names[o];
            var pt = index.GetValueOrDefault(name + "_pt", -1);
            pt = pt >= 0 ? pt : index.GetValueOrDefault(name + "_magnitude", -1);
            var phi = index.GetValueOrDefault(name + "_phi", -1);
            if (pt < 0 || phi < 0)
            {
                error = $"object '{name}' needs the feature columns {name}_pt (or {name}_magnitude) and {name}_phi, and {name}_eta unless it lies in the transverse plane";
                return null;
            }
            objects[o] = new MomentumObject(name, pt, index.GetValueOrDefault(name + "_eta", -1), phi);
        }
        error = null;
        return objects;
    }
}
