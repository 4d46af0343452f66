using System.Text.Json.Nodes;

namespace Neyman.Cli.Tests.Stats;

/// <summary>The workspace verbs: inspect, patchset list and apply, prune, rename, combine.</summary>
public sealed class WorkspaceVerbTests
{
    [SharedReferenceFact]
    public void Inspect_prints_a_summary()
    {
        var run = CliRunner.Run("inspect", StatsReference.PathOf("validation_specs/validation_2bin_2channel_mu1.json"));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(5, JsonNode.Parse(run.Out)!["number_of_parameters"]!.GetValue<int>());
    }

    [SharedReferenceFact]
    public void Patchset_list_and_apply_by_name_and_values()
    {
        var set = StatsReference.PathOf("patchsets/example_patchset.json");
        var list = CliRunner.Run("patchset", "list", set);
        Assert.True(list.ExitCode == 0, list.Error);
        var first = JsonNode.Parse(list.Out)!["patches"]![0]!;
        var name = first["name"]!.GetValue<string>();
        var values = first["values"]!.AsArray().Select(v => v!.ToJsonString().Trim('"')).ToArray();
        var background = StatsReference.PathOf("patchsets/example_bkgonly.json");
        var byName = CliRunner.Run("patchset", "apply", background, set, "--name", name);
        Assert.True(byName.ExitCode == 0, byName.Error);
        var byValues = CliRunner.Run(["patchset", "apply", background, set, "--values", .. values]);
        Assert.True(byValues.ExitCode == 0, byValues.Error);
        Assert.Equal(byName.Out, byValues.Out);
        var bad = CliRunner.Run("patchset", "list", StatsReference.PathOf("patchsets/patchset_bad_duplicate_patch_name.json"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("duplicate patch name", bad.Error);
    }

    [SharedReferenceFact]
    public void Prune_rename_and_combine_round_trip_through_files()
    {
        using var folder = new TemporaryFolder();
        var source = StatsReference.PathOf("validation_specs/validation_2bin_2channel_mu1.json");
        var pruned = folder.File("pruned.json");
        Assert.Equal(0, CliRunner.Run("prune", source, "--channel", "control", "--output-file", pruned).ExitCode);
        var renamed = folder.File("renamed.json");
        var rename = CliRunner.Run("rename", pruned, "--channel", "signal=signal2", "--modifier", "uncorr_bkguncrt_signal=unc2", "--output-file", renamed);
        Assert.True(rename.ExitCode == 0, rename.Error);
        var combined = CliRunner.Run("combine", pruned, renamed);
        Assert.True(combined.ExitCode == 0, combined.Error);
        var channels = JsonNode.Parse(combined.Out)!["channels"]!.AsArray().Select(c => c!["name"]!.GetValue<string>());
        Assert.Equal(["signal", "signal2"], channels);
        var clash = CliRunner.Run("combine", pruned, pruned);
        Assert.Equal(2, clash.ExitCode);
        var badRename = CliRunner.Run("rename", pruned, "--channel", "nothing");
        Assert.Equal(2, badRename.ExitCode);
        Assert.Contains("OLD=NEW", badRename.Error);
    }
}
