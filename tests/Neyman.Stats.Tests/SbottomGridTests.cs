using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Stats.Inference;
using Neyman.Stats.Models;
using Neyman.Stats.Patching;
using Neyman.Stats.Workspaces;
using Xunit.Abstractions;

namespace Neyman.Stats.Tests;

/// <summary>Every published RegionB signal patch (60 parameters each) must fit and give CLs; the signal-free one must fail clearly.</summary>
public sealed class SbottomGridTests(ITestOutputHelper output)
{
    [SharedReferenceFact]
    public void All_regionB_patches_converge_and_the_signal_free_patch_is_rejected()
    {
        var folder = SharedReference.PathOf("published/sbottom-RegionB");
        var background = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "BkgOnly.json")))!;
        var patches = Directory.GetFiles(folder, "patch.*.json");
        Assert.Equal(218, patches.Length);
        var failures = new ConcurrentDictionary<string, Exception>();
        var results = new ConcurrentDictionary<string, HypothesisTestResult>();
        Parallel.ForEach(patches, path =>
        {
            try
            {
                var workspace = Workspace.FromJson(JsonPatch.Load(path).Apply(background), Path.GetFileName(path));
                var model = HistFactoryModel.Build(workspace);
                results[Path.GetFileName(path)] = new AsymptoticCalculator(model, new ModelData(model, model.ObservedData)).Test(1.0);
            }
            catch (Exception e) when (e is InputException or NonConvergenceException)
            {
                failures[Path.GetFileName(path)] = e;
            }
        });
        foreach (var (name, error) in failures)
        {
            output.WriteLine($"{name}: {error.Message}");
        }
        var failure = Assert.Single(failures);
        Assert.Equal("patch.sbottom_1500_1495_60.json", failure.Key);
        var input = Assert.IsType<InputException>(failure.Value);
        Assert.Equal("$.measurements[0].config.poi", input.Location);
        Assert.Equal(217, results.Count);
        Assert.All(results.Values, r =>
        {
            Assert.InRange(r.CLs, 0.0, 1.0);
            Assert.True(r.CLsExpected.Zip(r.CLsExpected.Skip(1)).All(p => p.First <= p.Second));
        });
        var reference = SharedReference.ReadJson("expected/ATLAS_sbottom_RegionB_sbottom_1400_550_60.json")["tight_tolerance"]!["CLs_obs"]!.GetValue<double>();
        Assert.Equal(reference, results["patch.sbottom_1400_550_60.json"].CLs, 6);
    }
}
