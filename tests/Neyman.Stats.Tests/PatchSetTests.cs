using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Stats.Models;
using Neyman.Stats.Patching;
using Neyman.Stats.Workspaces;
using Xunit.Abstractions;

namespace Neyman.Stats.Tests;

/// <summary>pyhf patch sets: the bad fixtures are rejected with a path, the good ones load and apply.</summary>
public sealed class PatchSetTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Files()
    {
        if (SharedReference.Folder is null)
        {
            yield break;
        }
        foreach (var file in Directory.GetFiles(SharedReference.PathOf("patchsets"), "patchset_*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            yield return [Path.GetFileName(file)];
        }
    }

    [SharedReferenceTheory]
    [MemberData(nameof(Files))]
    public void Bad_patch_sets_are_rejected_and_good_ones_accepted(string name)
    {
        var path = SharedReference.PathOf("patchsets/" + name);
        if (name.StartsWith("patchset_bad_", StringComparison.Ordinal))
        {
            var error = Assert.Throws<InputException>(() => PatchSet.Load(path));
            output.WriteLine(error.Message);
            Assert.StartsWith("$", error.Location);
        }
        else
        {
            var set = PatchSet.Load(path);
            Assert.NotEmpty(set.Patches);
            Assert.All(set.Patches, p => Assert.Equal(set.Labels.Count, p.Values.Count));
        }
    }

    [SharedReferenceFact]
    public void Example_patch_set_applies_by_name_and_by_values()
    {
        var set = PatchSet.Load(SharedReference.PathOf("patchsets/example_patchset.json"));
        var background = Workspace.Load(SharedReference.PathOf("patchsets/example_bkgonly.json"));
        var first = set.Patches[0];
        var byValues = set.FindByValues(first.Values.Select(v => v is double d ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : (string)v).ToList());
        Assert.Same(first, byValues);
        Assert.Same(first, set.Find(first.Name));
        var patched = set.Apply(background, first);
        Assert.NotEqual(background.ToJsonString(), patched.ToJsonString());
        HistFactoryModel.Build(patched);
        Assert.Throws<InputException>(() => set.Find("no such patch"));
        Assert.Throws<InputException>(() => set.FindByValues(["-1", "-1"]));
    }

    [Fact]
    public void Json_patch_follows_rfc_6902()
    {
        var document = JsonNode.Parse("""{"a":{"b":[1,2,3]},"c~d":"x","e/f":1}""")!;
        var patch = JsonPatch.Parse("""
            [{"op":"add","path":"/a/b/1","value":9},
             {"op":"remove","path":"/a/b/0"},
             {"op":"replace","path":"/c~0d","value":"y"},
             {"op":"move","from":"/e~1f","path":"/g"},
             {"op":"copy","from":"/a/b","path":"/h"},
             {"op":"add","path":"/a/b/-","value":4},
             {"op":"test","path":"/g","value":1}]
            """, "p");
        var result = patch.Apply(document);
        Assert.Equal("""{"a":{"b":[9,2,3,4]},"c~d":"y","g":1,"h":[9,2,3]}""", result.ToJsonString());
        Assert.Equal("""{"a":{"b":[1,2,3]},"c~d":"x","e/f":1}""", document.ToJsonString());
        var failing = JsonPatch.Parse("""[{"op":"test","path":"/g","value":1},{"op":"remove","path":"/nothing"}]""", "p.json");
        var error = Assert.Throws<InputException>(() => failing.Apply(document));
        Assert.Equal("$[0]", error.Location);
        var missing = Assert.Throws<InputException>(() => JsonPatch.Parse("""[{"op":"remove","path":"/nothing"}]""", "p.json").Apply(document));
        Assert.Equal("$[0]", missing.Location);
        Assert.Throws<InputException>(() => JsonPatch.Parse("""[{"op":"jump","path":"/a"}]""", "p.json"));
    }
}
