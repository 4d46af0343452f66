using Neyman.Core;
using Neyman.Stats.Models;
using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Tests;

/// <summary>Prune, rename, combine and the inspect summary.</summary>
public sealed class WorkspaceOperationsTests
{
    private static Workspace Load(string relative)
    {
        return Workspace.Load(SharedReference.PathOf(relative));
    }

    [SharedReferenceFact]
    public void Combining_with_a_renamed_copy_doubles_twice_nll_at_init()
    {
        var workspace = Load("validation_specs/validation_1bin_shapesys_mu1.json");
        var copy = WorkspaceOperations.Rename(
            workspace, channels: new Dictionary<string, string> { ["singlechannel"] = "other" },
            modifiers: new Dictionary<string, string> { ["uncorr_bkguncrt"] = "other_uncertainty" });
        var combined = WorkspaceOperations.Combine(workspace, copy);
        Assert.Equal(["singlechannel", "other"], combined.Channels.Select(c => c.Name));
        var single = HistFactoryModel.Build(workspace);
        var both = HistFactoryModel.Build(combined);
        Assert.Equal(["mu", "other_uncertainty[0]", "uncorr_bkguncrt[0]"], both.Config.ParameterNames);
        var expected = 2 * single.TwiceNll(single.Config.SuggestedInit, single.ObservedData);
        Assert.Equal(expected, both.TwiceNll(both.Config.SuggestedInit, both.ObservedData), 10);
        var clash = Assert.Throws<InputException>(() => WorkspaceOperations.Combine(workspace, workspace));
        Assert.Contains("singlechannel", clash.Problem);
    }

    [SharedReferenceFact]
    public void Pruning_removes_channels_with_observations_and_modifiers_with_settings()
    {
        var workspace = Load("validation_specs/validation_2bin_2channel_mu1.json");
        var pruned = WorkspaceOperations.Prune(workspace, channels: ["control"]);
        Assert.Equal(["signal"], pruned.Channels.Select(c => c.Name));
        Assert.Equal(["signal"], pruned.Observations.Select(o => o.Name));
        var noSys = WorkspaceOperations.Prune(workspace, modifierTypes: ["shapesys"]);
        Assert.Equal(["mu"], HistFactoryModel.Build(noSys).Config.ParameterNames);
        Assert.Throws<InputException>(() => WorkspaceOperations.Prune(workspace, samples: ["nope"]));
        // Removing the POI's modifier leaves a measurement without its POI: rejected with the path.
        var error = Assert.Throws<InputException>(() => WorkspaceOperations.Prune(workspace, modifiers: ["mu"]));
        Assert.Equal("$.measurements[0].config.poi", error.Location);
    }

    [SharedReferenceFact]
    public void Renaming_the_poi_modifier_renames_the_measurement_poi()
    {
        var workspace = Load("validation_specs/validation_1bin_lumi_mu1.json");
        var renamed = WorkspaceOperations.Rename(workspace,
            modifiers: new Dictionary<string, string> { ["mu"] = "signal_strength", ["lumi"] = "luminosity" },
            measurements: new Dictionary<string, string> { [workspace.Measurements[0].Name] = "renamed" });
        Assert.Equal("signal_strength", renamed.Measurement("renamed").Poi);
        Assert.Equal("luminosity", renamed.Measurements[0].Parameters[0].Name);
        var model = HistFactoryModel.Build(renamed);
        var original = HistFactoryModel.Build(workspace, null, ModelOptions.Default);
        Assert.Equal(original.TwiceNll(original.Config.SuggestedInit, original.ObservedData), model.TwiceNll(model.Config.SuggestedInit, model.ObservedData));
    }

    [SharedReferenceFact]
    public void Inspect_summary_lists_channels_parameters_and_measurements()
    {
        var workspace = Load("validation_specs/validation_2bin_2channel_mu1.json");
        var summary = WorkspaceSummary.Describe(workspace);
        Assert.Equal(2, summary["channels"]!.AsArray().Count);
        Assert.Equal(5, summary["number_of_parameters"]!.GetValue<int>());
        Assert.Equal("normfactor", summary["parameters"]![0]!["modifiers"]![0]!.GetValue<string>());
        Assert.Equal("mu", summary["measurements"]![0]!["poi"]!.GetValue<string>());
    }
}
