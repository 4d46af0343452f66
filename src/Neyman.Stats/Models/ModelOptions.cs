using Neyman.Stats.Interpolation;

namespace Neyman.Stats.Models;

/// <summary>Settings for building a model from a workspace; the defaults are pyhf's.</summary>
/// <param name="NormSysInterpolation">Interpolation for normsys modifiers (pyhf default code4).</param>
/// <param name="HistoSysInterpolation">Interpolation for histosys modifiers (pyhf default code4p).</param>
public sealed record ModelOptions(
    InterpolationCode NormSysInterpolation = InterpolationCode.Code4,
    InterpolationCode HistoSysInterpolation = InterpolationCode.Code4P)
{
    /// <summary>pyhf's defaults.</summary>
    public static ModelOptions Default { get; } = new();

    /// <summary>The settings of pyhf's validation suite and ROOT's defaults: normsys code1, histosys code0.</summary>
    public static ModelOptions RootValidation { get; } = new(InterpolationCode.Code1, InterpolationCode.Code0);
}
