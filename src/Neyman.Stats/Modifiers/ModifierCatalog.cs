namespace Neyman.Stats.Modifiers;

/// <summary>The table of modifier types, in the order pyhf lays out their parameters.</summary>
internal static class ModifierCatalog
{
    /// <summary>Every type, ordered as pyhf orders parameter sets (alphabetically by type).</summary>
    public static readonly IReadOnlyList<IModifierType> Types =
    [
        new HistoSysModifier(), new LumiModifier(), new NormFactorModifier(), new NormSysModifier(),
        new ShapeFactorModifier(), new ShapeSysModifier(), new StatErrorModifier(),
    ];

    /// <summary>The type names, for error messages.</summary>
    public static string AllowedNames => string.Join(", ", Types.Select(t => t.Name));

    /// <summary>The type called <paramref name="name"/>, or null.</summary>
    public static IModifierType? Find(string name) => Types.FirstOrDefault(t => t.Name == name);
}
