using System.Text.Json.Nodes;
using Neyman.Stats.Models;
using Neyman.Stats.Patching;
using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Tests;

/// <summary>Reads the cases of ../shared/reference/histfactory (found by <see cref="HistFactoryReference"/>).</summary>
public static class SharedReference
{
    /// <summary>The histfactory reference folder, or null when absent.</summary>
    public static string? Folder => HistFactoryReference.Folder;

    public static string PathOf(string relative) => System.IO.Path.Combine(Folder!, relative);

    public static JsonNode ReadJson(string relative) => JsonNode.Parse(File.ReadAllText(PathOf(relative)))!;

    /// <summary>Names of expected/*.json cases with a model (everything but the toy summary); none where the folder is absent, where the tests that use them are skipped.</summary>
    public static IEnumerable<object[]> ExpectedCases()
    {
        if (Folder is null)
        {
            yield break;
        }
        foreach (var file in Directory.GetFiles(PathOf("expected"), "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(file);
            if (!name.StartsWith("toys_", StringComparison.Ordinal))
            {
                yield return [name];
            }
        }
    }

    /// <summary>The model of an expected/*.json case, built with that case's options.</summary>
    public static HistFactoryModel ModelFor(string expectedCase)
    {
        var (workspace, options) = WorkspaceFor(expectedCase);
        return HistFactoryModel.Build(workspace, null, options);
    }

    /// <summary>The workspace behind an expected case and the interpolation settings pyhf used for it.</summary>
    public static (Workspace Workspace, ModelOptions Options) WorkspaceFor(string expectedCase)
    {
        if (expectedCase.StartsWith("ATLAS_sbottom_RegionB_", StringComparison.Ordinal))
        {
            var patchName = expectedCase["ATLAS_sbottom_RegionB_".Length..];
            var background = ReadJson("published/sbottom-RegionB/BkgOnly.json");
            var patch = JsonPatch.Load(PathOf($"published/sbottom-RegionB/patch.{patchName}.json"));
            return (Workspace.FromJson(patch.Apply(background), expectedCase), ModelOptions.Default);
        }
        if (expectedCase == "docs_2-bin_1-channel")
        {
            return (Workspace.Load(PathOf("docs_examples/2-bin_1-channel.json")), ModelOptions.Default);
        }
        return (Workspace.Load(PathOf($"validation_specs/validation_{expectedCase}.json")), ModelOptions.RootValidation);
    }

    public static double[] Doubles(JsonNode? node) => node!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
}
