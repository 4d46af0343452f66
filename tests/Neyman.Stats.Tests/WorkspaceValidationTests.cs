using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Stats.Models;
using Neyman.Stats.Patching;
using Neyman.Stats.Workspaces;
using Xunit.Abstractions;

namespace Neyman.Stats.Tests;

/// <summary>Workspace reading: every rejected input names its JSON path; valid edge cases load and round-trip.</summary>
public sealed class WorkspaceValidationTests(ITestOutputHelper output)
{
    private const string Valid = """
        {"channels":[{"name":"sr","samples":[
            {"name":"signal","data":[5.0,10.0],"modifiers":[{"name":"mu","type":"normfactor","data":null}]},
            {"name":"bkg","data":[50.0,60.0],"modifiers":[
                {"name":"lumi","type":"lumi","data":null},
                {"name":"stat","type":"staterror","data":[5.0,6.0]},
                {"name":"norm","type":"normsys","data":{"hi":1.1,"lo":0.9}},
                {"name":"shape","type":"histosys","data":{"hi_data":[52.0,63.0],"lo_data":[48.0,58.0]}}]}]}],
         "observations":[{"name":"sr","data":[55.0,65.0]}],
         "measurements":[{"name":"meas","config":{"poi":"mu","parameters":[{"name":"lumi","auxdata":[1.0],"sigmas":[0.02]}]}}],
         "version":"1.0.0"}
        """;

    [Fact]
    public void A_valid_workspace_loads_and_builds()
    {
        var workspace = Workspace.Parse(Valid, "inline");
        var model = HistFactoryModel.Build(workspace);
        Assert.Equal(["shape", "lumi", "mu", "norm", "stat[0]", "stat[1]"], model.Config.ParameterNames);
        // staterror width: sigma / nominal of the only sample carrying it.
        Assert.Equal(0.1, model.Config.ParameterSets.Single(s => s.Name == "stat").Sigmas[0], 15);
        Assert.Equal(0.1, model.Config.ParameterSets.Single(s => s.Name == "stat").Sigmas[1], 15);
    }

    [Theory]
    [InlineData("/channels/0/samples/1/modifiers/0/type", "\"bogus\"", "$.channels[0].samples[1].modifiers[0].type", "unknown modifier type 'bogus'")]
    [InlineData("/channels/0/samples/1/data", "[50.0]", "$.channels[0].samples[1].data", "expected 2 bins")]
    [InlineData("/channels/0/samples/1/modifiers/1/data", "[5.0]", "$.channels[0].samples[1].modifiers[1].data", "expected 2 values")]
    [InlineData("/channels/0/samples/1/modifiers/3/data/hi_data", "[1.0,2.0,3.0]", "$.channels[0].samples[1].modifiers[3].data.hi_data", "expected 2 values")]
    [InlineData("/channels/0/samples/1/name", "\"signal\"", "$.channels[0].samples[1].name", "duplicate sample name 'signal'")]
    [InlineData("/measurements/0/config/poi", "\"nothing\"", "$.measurements[0].config.poi", "unknown parameter of interest 'nothing'")]
    [InlineData("/observations/0/data", "[1.0]", "$.observations[0].data", "expected 2 values")]
    [InlineData("/version", "\"2.0.0\"", "$.version", "unsupported workspace version")]
    [InlineData("/channels/0/samples/0/data/1", "\"x\"", "$.channels[0].samples[0].data[1]", "expected a number")]
    [InlineData("/channels/0/samples/1/modifiers/2/data", "null", "$.channels[0].samples[1].modifiers[2].data", "expected an object")]
    public void Invalid_workspaces_name_the_path_and_the_expectation(string pointer, string value, string path, string message)
    {
        var json = JsonNode.Parse(Valid)!;
        var patched = JsonPatch.Parse($$"""[{"op":"replace","path":"{{pointer}}","value":{{value}}}]""", "test").Apply(json);
        var error = Assert.Throws<InputException>(() => Workspace.FromJson(patched, "ws.json"));
        output.WriteLine(error.Message);
        Assert.Equal("ws.json", error.Source);
        Assert.Equal(path, error.Location);
        Assert.Contains(message, error.Problem);
    }

    [Fact]
    public void Duplicate_channel_and_measurement_names_are_rejected()
    {
        var json = JsonNode.Parse(Valid)!;
        var twoChannels = JsonPatch.Parse("""[{"op":"copy","from":"/channels/0","path":"/channels/-"}]""", "t").Apply(json);
        var e1 = Assert.Throws<InputException>(() => Workspace.FromJson(twoChannels, "ws"));
        Assert.Equal("$.channels[1].name", e1.Location);
        var twoMeasurements = JsonPatch.Parse("""[{"op":"copy","from":"/measurements/0","path":"/measurements/-"}]""", "t").Apply(json);
        var e2 = Assert.Throws<InputException>(() => Workspace.FromJson(twoMeasurements, "ws"));
        Assert.Equal("$.measurements[1].name", e2.Location);
    }

    [Fact]
    public void Lumi_without_configuration_is_rejected_when_building()
    {
        var json = JsonPatch.Parse("""[{"op":"replace","path":"/measurements/0/config/parameters","value":[]}]""", "t").Apply(JsonNode.Parse(Valid)!);
        var workspace = Workspace.FromJson(json, "ws");
        var error = Assert.Throws<InputException>(() => HistFactoryModel.Build(workspace));
        Assert.Equal("$.measurements[0].config.parameters", error.Location);
        Assert.Contains("lumi", error.Problem);
    }

    [SharedReferenceFact]
    public void Bad_input_patches_are_rejected_on_both_spec_and_workspace()
    {
        var files = Directory.GetFiles(SharedReference.PathOf("bad-inputs"), "bad_*_patch.json");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var patch = JsonPatch.Load(file);
            var spec = patch.Apply(SharedReference.ReadJson("bad-inputs/spec.json"));
            var e1 = Assert.Throws<InputException>(() => Workspace.ReadModelSpec(spec, Path.GetFileName(file)));
            var workspace = patch.Apply(SharedReference.ReadJson("bad-inputs/workspace.json"));
            var e2 = Assert.Throws<InputException>(() => Workspace.FromJson(workspace, Path.GetFileName(file)));
            output.WriteLine(e1.Message);
            Assert.StartsWith("$.channels[0].samples[1].modifiers[0].data", e1.Location);
            Assert.Equal(e1.Location, e2.Location);
        }
        // Unpatched, both are valid.
        Workspace.ReadModelSpec(SharedReference.ReadJson("bad-inputs/spec.json"), "spec.json");
        HistFactoryModel.Build(Workspace.Load(SharedReference.PathOf("bad-inputs/workspace.json")));
    }

    [SharedReferenceFact]
    public void A_per_bin_parameter_of_interest_is_rejected()
    {
        var workspace = Workspace.Load(SharedReference.PathOf("bad-inputs/issue1720_greedy_staterror.json"));
        var error = Assert.Throws<InputException>(() => HistFactoryModel.Build(workspace));
        Assert.Equal("$.measurements[0].config.poi", error.Location);
    }

    [SharedReferenceFact]
    public void Export_edge_cases_load_build_and_round_trip()
    {
        foreach (var file in Directory.GetFiles(SharedReference.PathOf("export-edge-cases"), "*.json"))
        {
            var original = JsonNode.Parse(File.ReadAllText(file))!;
            var workspace = Workspace.Load(file);
            var model = HistFactoryModel.Build(workspace);
            Assert.True(double.IsFinite(model.TwiceNll(model.Config.SuggestedInit, model.ObservedData)));
            var again = Workspace.Parse(workspace.ToJsonString(), "round trip");
            Assert.True(JsonNode.DeepEquals(original, JsonNode.Parse(again.ToJsonString())), file);
        }
    }
}
