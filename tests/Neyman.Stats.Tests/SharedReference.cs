using System.Text.Json.Nodes;
using Neyman.Stats.Models;
using Neyman.Stats.Patching;
using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Tests;

/// <summary>Finds ../shared/reference/histfactory next to the repository and loads its cases.</summary>
public static class SharedReference
{
    public const string Missing = "skipped: ../shared/reference/histfactory not found";

    private static readonly Lazy<string?> Root = new(() =>
        Locate(AppContext.BaseDirectory) ?? Locate(Directory.GetCurrentDirectory()) ?? Locate(ThisFile()));

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => System.IO.Path.GetDirectoryName(path) ?? "";

    private static string? Locate(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Neyman.slnx")))
            {
                var shared = System.IO.Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared", "reference", "histfactory");
                return Directory.Exists(shared) ? shared : null;
            }
        }
        return null;
    }

    /// <summary>The histfactory reference folder, or null when absent.</summary>
    public static string? Folder => Root.Value;

    public static string PathOf(string relative) => System.IO.Path.Combine(Folder!, relative);

    public static JsonNode ReadJson(string relative) => JsonNode.Parse(File.ReadAllText(PathOf(relative)))!;

    /// <summary>Names of expected/*.json cases with a model (everything but the toy summary), or a skip marker.</summary>
    public static IEnumerable<object[]> ExpectedCases()
    {
        if (Folder is null)
        {
            yield return [Missing];
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

    /// <summary>The workspace behind an expected case and the interpolation settings pyhf used for it.</summary>
    /// <summary>The model of an expected/*.json case, built with that case's options.</summary>
    public static HistFactoryModel ModelFor(string expectedCase)
    {
        var (workspace, options) = WorkspaceFor(expectedCase);
        return HistFactoryModel.Build(workspace, null, options);
    }

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
