using MathNet.Numerics.Distributions;
using Neyman.Stats.Fitting;
using Neyman.Stats.Models;

namespace Neyman.Stats.Inference;

/// <summary>Discovery p-values and significances with the asymptotic q0 calculator (Asimov data at POI = 1).</summary>
public static class Discovery
{
    /// <summary>Observed and expected p0 and Z0.</summary>
    public static DiscoveryResult Compute(HistFactoryModel model, ModelData data, FitSettings? settings = null)
    {
        var test = new AsymptoticCalculator(model, data, TestStatisticKind.Q0, settings).Test(0.0);
        return new DiscoveryResult(test.CLs, Significance(test.CLs), test.CLsExpected, test.CLsExpected.Select(Significance).ToArray());
    }

    /// <summary>Z = Phi^-1(1 - p), computed as -Phi^-1(p) for accuracy at small p.</summary>
    public static double Significance(double p) => -Normal.InvCDF(0, 1, p);
}
