namespace Neyman.Stats.Patching;

/// <summary>One patch of a patch set: its name, its label values (numbers or strings) and the JSON Patch.</summary>
/// <param name="Name">The patch name, unique in the set.</param>
/// <param name="Values">One value per label of the set (a number or a string), unique in the set.</param>
/// <param name="Patch">The operations.</param>
public sealed record PatchSetEntry(string Name, IReadOnlyList<object> Values, JsonPatch Patch)
{
    /// <summary>The values as text, for display and lookup ("2100, 800").</summary>
    public string ValuesText => string.Join(", ", Values.Select(v => v is double d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : v.ToString()));
}
