using Neyman.Stats.Models;
using Xunit.Abstractions;

namespace Neyman.Stats.Tests;

/// <summary>Model layout and twice the NLL at the suggested start against pyhf for every expected/*.json case.</summary>
public sealed class TwiceNllAtInitTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Cases() => SharedReference.ExpectedCases();

    [SharedReferenceTheory]
    [MemberData(nameof(Cases))]
    public void Layout_and_twice_nll_at_init_match_pyhf(string name)
    {
        var expected = SharedReference.ReadJson($"expected/{name}.json");
        var model = SharedReference.ModelFor(name);
        var layout = expected["model"]!;
        Assert.Equal(layout["par_names"]!.AsArray().Select(n => n!.GetValue<string>()), model.Config.ParameterNames);
        Assert.Equal(layout["channels"]!.AsArray().Select(n => n!.GetValue<string>()), model.Config.Channels);
        Assert.Equal(layout["poi_index"]!.GetValue<int>(), model.Config.PoiIndex);
        Assert.Equal(SharedReference.Doubles(layout["suggested_init"]), model.Config.SuggestedInit);
        Assert.Equal(layout["suggested_fixed"]!.AsArray().Select(n => n!.GetValue<bool>()), model.Config.SuggestedFixed);
        var bounds = layout["suggested_bounds"]!.AsArray();
        for (var i = 0; i < bounds.Count; i++)
        {
            Assert.Equal(bounds[i]![0]!.GetValue<double>(), model.Config.LowerBounds[i]);
            Assert.Equal(bounds[i]![1]!.GetValue<double>(), model.Config.UpperBounds[i]);
        }
        var data = SharedReference.Doubles(expected["data"]);
        AssertClose(data, model.ObservedData, 1e-12);
        var twiceNll = model.TwiceNll(model.Config.SuggestedInit, model.ObservedData);
        var reference = expected["twice_nll_at_init"]!.GetValue<double>();
        output.WriteLine($"{name}: {twiceNll:R} vs {reference:R}");
        Assert.True(Math.Abs(twiceNll - reference) <= 1e-10 * Math.Abs(reference), $"{twiceNll:R} != {reference:R}");
        var expectedMain = SharedReference.Doubles(expected["expected_actualdata_at_init"]);
        AssertClose(expectedMain, model.ExpectedData(model.Config.SuggestedInit)[..expectedMain.Length], 1e-12);
    }

    private static void AssertClose(double[] expected, double[] actual, double relative)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= relative * Math.Max(1, Math.Abs(expected[i])), $"[{i}] {actual[i]:R} != {expected[i]:R}");
        }
    }
}
