using Neyman.Stats.Fitting;
using Neyman.Stats.Models;
using Xunit.Abstractions;

namespace Neyman.Stats.Tests;

/// <summary>MLE and fixed-POI fits against pyhf's tight-tolerance results for every expected/*.json case.</summary>
public sealed class MaximumLikelihoodTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Cases() => SharedReference.ExpectedCases();

    [SharedReferenceTheory]
    [MemberData(nameof(Cases))]
    public void Mle_matches_pyhf_tight_tolerance(string name)
    {
        var expected = SharedReference.ReadJson($"expected/{name}.json");
        var model = SharedReference.ModelFor(name);
        var data = new ModelData(model, model.ObservedData);
        var fit = MaximumLikelihood.Fit(model, data);
        Assert.True(fit.Converged, fit.Message);
        var tight = expected["tight_tolerance"]!;
        var reference = tight["mle_twice_nll"]!.GetValue<double>();
        output.WriteLine($"{name}: twice_nll {fit.TwiceNll:R} vs {reference:R} after {fit.Iterations} iterations ({fit.Message})");
        Assert.True(Math.Abs(fit.TwiceNll - reference) <= 1e-9 * Math.Abs(reference), $"{fit.TwiceNll:R} != {reference:R}");
        var bestfit = SharedReference.Doubles(tight["mle_bestfit"]);
        var worst = 0.0;
        for (var i = 0; i < bestfit.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(bestfit[i] - fit.BestFit[i]));
        }
        output.WriteLine($"max |bestfit difference| = {worst:E2}");
        Assert.True(worst < 2e-4, $"best fit differs by {worst}");
    }

    [SharedReferenceTheory]
    [MemberData(nameof(Cases))]
    public void Fixed_poi_fit_is_at_least_as_good_as_pyhf(string name)
    {
        var expected = SharedReference.ReadJson($"expected/{name}.json");
        var model = SharedReference.ModelFor(name);
        var fit = MaximumLikelihood.FixedPoiFit(model, new ModelData(model, model.ObservedData), 1.0);
        Assert.True(fit.Converged, fit.Message);
        Assert.Equal(1.0, fit.BestFit[model.Config.PoiIndex]);
        var reference = expected["fixed_poi_fit_mu1"]!["twice_nll"]!.GetValue<double>();
        output.WriteLine($"{name}: {fit.TwiceNll:R} vs pyhf (default tolerance) {reference:R}");
        // pyhf's SLSQP stops early (1e-8..1e-5 relative); our minimum must agree and never be worse beyond rounding.
        Assert.True(fit.TwiceNll <= reference + 1e-9 * Math.Abs(reference));
        Assert.True(Math.Abs(fit.TwiceNll - reference) <= 1e-6 * Math.Abs(reference));
    }
}
