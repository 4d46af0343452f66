using System.Text.Json;
using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Patching;

/// <summary>
/// A pyhf patch set (schema 1.0.0): metadata (description, labels, digests of the workspace it applies to,
/// references) and named patches, each tagged with one value per label. Patches are found by name or by values.
/// </summary>
public sealed class PatchSet
{
    private PatchSet(string source, string description, IReadOnlyList<string> labels, IReadOnlyDictionary<string, string> digests, IReadOnlyList<PatchSetEntry> patches)
    {
        Source = source;
        Description = description;
        Labels = labels;
        Digests = digests;
        Patches = patches;
    }

    /// <summary>Where the patch set came from.</summary>
    public string Source { get; }

    /// <summary>The description from the metadata.</summary>
    public string Description { get; }

    /// <summary>The names of the values that tag each patch (for example the masses of a signal grid).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Digests of the background-only workspace, by algorithm.</summary>
    public IReadOnlyDictionary<string, string> Digests { get; }

    /// <summary>The patches in the order written.</summary>
    public IReadOnlyList<PatchSetEntry> Patches { get; }

    /// <summary>Reads a patch set file.</summary>
    public static PatchSet Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException("cannot read the patch set: " + e.Message, path, null, e);
        }
    }

    /// <summary>Parses and validates patch set JSON.</summary>
    /// <exception cref="InputException">Not a valid patch set; the message names the JSON path.</exception>
    public static PatchSet Parse(string json, string source)
    {
        var read = new JsonRead(source);
        var root = read.Object(JsonRead.Parse(json, source), "$");
        var version = read.String(read.Required(root, "version", "$"), "$.version");
        if (version != "1.0.0")
        {
            throw read.Error("$.version", $"unsupported patch set version '{version}'; expected \"1.0.0\"");
        }
        var metadata = read.Object(read.Required(root, "metadata", "$"), "$.metadata");
        var description = metadata.TryGetPropertyValue("description", out var d) ? read.String(d, "$.metadata.description") : "";
        var labelArray = read.Array(read.Required(metadata, "labels", "$.metadata"), "$.metadata.labels");
        var labels = labelArray.Select((l, i) => read.String(l, $"$.metadata.labels[{i}]")).ToList();
        var digestObject = read.Object(read.Required(metadata, "digests", "$.metadata"), "$.metadata.digests");
        var digests = digestObject.ToDictionary(p => p.Key, p => read.String(p.Value, $"$.metadata.digests.{p.Key}"));
        var patchArray = read.Array(read.Required(root, "patches", "$"), "$.patches");
        if (patchArray.Count == 0)
        {
            throw read.Error("$.patches", "expected at least one patch, found an empty array");
        }
        var patches = new List<PatchSetEntry>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var valueKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < patchArray.Count; i++)
        {
            var path = $"$.patches[{i}]";
            var entry = read.Object(patchArray[i], path);
            var meta = read.Object(read.Required(entry, "metadata", path), path + ".metadata");
            var name = read.String(read.Required(meta, "name", path + ".metadata"), path + ".metadata.name");
            if (!names.Add(name))
            {
                throw read.Error(path + ".metadata.name", $"duplicate patch name '{name}'");
            }
            var valueArray = read.Array(read.Required(meta, "values", path + ".metadata"), path + ".metadata.values");
            if (valueArray.Count != labels.Count)
            {
                throw read.Error(path + ".metadata.values", $"expected {labels.Count} values (one per label: {string.Join(", ", labels)}), found {valueArray.Count}");
            }
            var values = new List<object>();
            for (var v = 0; v < valueArray.Count; v++)
            {
                var node = valueArray[v];
                values.Add(node is JsonValue jv && jv.GetValueKind() == JsonValueKind.String
                    ? jv.GetValue<string>()
                    : node is JsonValue nv && nv.GetValueKind() == JsonValueKind.Number
                        ? nv.GetValue<double>()
                        : throw read.Error($"{path}.metadata.values[{v}]", "expected a number or a string, found " + JsonRead.Describe(node)));
            }
            var key = valueArray.ToJsonString();
            if (valueKeys.TryGetValue(key, out var other))
            {
                throw read.Error(path + ".metadata.values", $"patch '{name}' has the same values {key} as patch '{other}'");
            }
            valueKeys.Add(key, name);
            var patch = JsonPatch.FromJson(read.Required(entry, "patch", path), $"{source} {path}.patch");
            patches.Add(new PatchSetEntry(name, values, patch));
        }
        return new PatchSet(source, description, labels, digests, patches);
    }

    /// <summary>The patch called <paramref name="name"/>.</summary>
    /// <exception cref="InputException">No patch has that name.</exception>
    public PatchSetEntry Find(string name) =>
        Patches.FirstOrDefault(p => p.Name == name)
        ?? throw new InputException($"no patch named '{name}' among {Patches.Count} patches", Source, "$.patches");

    /// <summary>The patch whose values equal <paramref name="values"/> (numbers compared as numbers).</summary>
    /// <exception cref="InputException">No patch has those values.</exception>
    public PatchSetEntry FindByValues(IReadOnlyList<string> values)
    {
        foreach (var patch in Patches)
        {
            if (patch.Values.Count == values.Count && patch.Values.Zip(values).All(p => Matches(p.First, p.Second)))
            {
                return patch;
            }
        }
        throw new InputException($"no patch with values ({string.Join(", ", values)}) for labels ({string.Join(", ", Labels)})", Source, "$.patches");
    }

    /// <summary>Applies the named patch to a workspace and validates the result.</summary>
    public Workspace Apply(Workspace workspace, PatchSetEntry patch) =>
        Workspace.FromJson(patch.Patch.Apply(workspace.ToJson()), $"{workspace.Source} + {patch.Name}");


    private static bool Matches(object value, string text) => value switch
    {
        double d => double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var t) && t == d,
        _ => (string)value == text,
    };
}
