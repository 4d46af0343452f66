using Neyman.Stats.Inference;
using Neyman.Stats.Models;
using Xunit.Abstractions;

namespace Neyman.Stats.Tests;

/// <summary>Upper limits (root finding and grid scan) and discovery significance against pyhf's expected files.</summary>
public sealed class UpperLimitTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Cases() =>
        SharedReference.ExpectedCases().Where(c => !((string)c[0]).StartsWith("ATLAS", StringComparison.Ordinal));

    [SharedReferenceTheory]
    [MemberData(nameof(Cases))]
    public void Limits_and_discovery_match_pyhf(string name)
    {
        var expected = SharedReference.ReadJson($"expected/{name}.json");
        var model = SharedReference.ModelFor(name);
        var data = new ModelData(model, model.ObservedData);
        var calculator = new AsymptoticCalculator(model, data);
        var poi = model.Config.PoiIndex;

        // pyhf's toms748 stops at rtol 1e-4; ours is converged, so agreement is to that tolerance.
        var roots = UpperLimit.FindRoots(calculator.Test, model.Config.LowerBounds[poi], model.Config.UpperBounds[poi]);
        var toms = expected["upper_limit_toms748"]!;
        AssertRelative(toms["obs"]!.GetValue<double>(), roots.Observed, 2e-4, "observed limit (root)");
        var tomsExpected = SharedReference.Doubles(toms["exp"]);
        for (var i = 0; i < 5; i++)
        {
            AssertRelative(tomsExpected[i], roots.Expected[i], 2e-4, $"expected limit {i} (root)");
        }

        // The scan interpolates pyhf's own CLs grid values; those carry its 1e-5 optimizer noise.
        var linear = expected["upper_limit_linear_scan"]!;
        var scan = UpperLimit.Scan(calculator.Test, SharedReference.Doubles(linear["grid"]));
        AssertRelative(linear["obs"]!.GetValue<double>(), scan.Observed, 1e-4, "observed limit (scan)");
        var scanExpected = SharedReference.Doubles(linear["exp"]);
        for (var i = 0; i < 5; i++)
        {
            AssertRelative(scanExpected[i], scan.Expected[i], 1e-4, $"expected limit {i} (scan)");
        }

        var discovery = Discovery.Compute(model, data);
        var q0 = expected["discovery_q0"]!;
        var muHat = SharedReference.Doubles(expected["tight_tolerance"]!["mle_bestfit"])[poi];
        if (muHat < 1e-9)
        {
            // mu-hat sits on its lower bound, so q0 = 0 and p0 = 1/2 exactly; pyhf's default fit leaves mu-hat
            // slightly above 0 and reports p0 a few 1e-4 below 1/2.
            Assert.Equal(0.5, discovery.P0);
            Assert.Equal(0.0, discovery.Z0, 12);
            AssertRelative(q0["p0_obs"]!.GetValue<double>(), discovery.P0, 1e-3, "p0 (pyhf, noisy at the bound)");
        }
        else
        {
            AssertRelative(q0["p0_obs"]!.GetValue<double>(), discovery.P0, 1e-5, "p0");
            AssertRelative(q0["Z_obs"]!.GetValue<double>(), discovery.Z0, 1e-5, "Z0");
        }
        var p0Band = SharedReference.Doubles(q0["p0_exp_band"]);
        for (var i = 0; i < 5; i++)
        {
            AssertRelative(p0Band[i], discovery.ExpectedP0[i], 4e-4, $"expected p0 {i}");
        }
    }

    private void AssertRelative(double expected, double actual, double tolerance, string what)
    {
        var relative = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);
        output.WriteLine($"{what}: {actual:R} vs {expected:R} (relative {relative:E2})");
        Assert.True(relative <= tolerance, $"{what}: {actual:R} vs {expected:R}, relative difference {relative:E2} > {tolerance:E1}");
    }
}
