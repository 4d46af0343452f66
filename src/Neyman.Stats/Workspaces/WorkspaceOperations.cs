using System.Text.Json.Nodes;
using Neyman.Core;

namespace Neyman.Stats.Workspaces;

/// <summary>
/// Edits of whole workspaces, as pyhf's prune, rename and combine: each returns a new validated workspace and leaves
/// its input unchanged.
/// </summary>
public static class WorkspaceOperations
{
    /// <summary>
    /// Removes channels (with their observations), samples, modifiers (by name, with their measurement settings),
    /// modifier types and measurements.
    /// </summary>
    /// <exception cref="InputException">A named item does not exist, or the result is not a valid workspace.</exception>
    public static Workspace Prune(
        Workspace workspace, IEnumerable<string>? channels = null, IEnumerable<string>? samples = null,
        IEnumerable<string>? modifiers = null, IEnumerable<string>? modifierTypes = null, IEnumerable<string>? measurements = null)
    {
        var channelSet = Known(channels, workspace.Channels.Select(c => c.Name), "channel", workspace.Source);
        var sampleSet = Known(samples, workspace.Channels.SelectMany(c => c.Samples).Select(s => s.Name), "sample", workspace.Source);
        var modifierSet = Known(modifiers, AllModifiers(workspace).Select(m => m.Name), "modifier", workspace.Source);
        var typeSet = Known(modifierTypes, AllModifiers(workspace).Select(m => m.Type), "modifier type", workspace.Source);
        var measurementSet = Known(measurements, workspace.Measurements.Select(m => m.Name), "measurement", workspace.Source);
        var root = workspace.ToJson();
        RemoveWhere(root["channels"]!.AsArray(), c => channelSet.Contains(Name(c)));
        RemoveWhere(root["observations"]!.AsArray(), o => channelSet.Contains(Name(o)));
        foreach (var channel in root["channels"]!.AsArray())
        {
            var sampleArray = channel!["samples"]!.AsArray();
            RemoveWhere(sampleArray, s => sampleSet.Contains(Name(s)));
            foreach (var sample in sampleArray)
            {
                RemoveWhere(sample!["modifiers"]!.AsArray(), m => modifierSet.Contains(Name(m)) || typeSet.Contains(m!["type"]!.GetValue<string>()));
            }
        }
        RemoveWhere(root["measurements"]!.AsArray(), m => measurementSet.Contains(Name(m)));
        foreach (var measurement in root["measurements"]!.AsArray())
        {
            if (measurement!["config"]?["parameters"] is JsonArray parameters)
            {
                RemoveWhere(parameters, p => modifierSet.Contains(Name(p)));
            }
        }
        return Workspace.FromJson(root, workspace.Source + " (pruned)");
    }

    /// <summary>Renames channels (and their observations), samples, modifiers (with POI and settings) and measurements.</summary>
    /// <exception cref="InputException">A named item does not exist, or the result is not a valid workspace.</exception>
    public static Workspace Rename(
        Workspace workspace, IReadOnlyDictionary<string, string>? channels = null, IReadOnlyDictionary<string, string>? samples = null,
        IReadOnlyDictionary<string, string>? modifiers = null, IReadOnlyDictionary<string, string>? measurements = null)
    {
        channels ??= new Dictionary<string, string>();
        samples ??= new Dictionary<string, string>();
        modifiers ??= new Dictionary<string, string>();
        measurements ??= new Dictionary<string, string>();
        Known(channels.Keys, workspace.Channels.Select(c => c.Name), "channel", workspace.Source);
        Known(samples.Keys, workspace.Channels.SelectMany(c => c.Samples).Select(s => s.Name), "sample", workspace.Source);
        Known(modifiers.Keys, AllModifiers(workspace).Select(m => m.Name), "modifier", workspace.Source);
        Known(measurements.Keys, workspace.Measurements.Select(m => m.Name), "measurement", workspace.Source);
        var root = workspace.ToJson();
        foreach (var channel in root["channels"]!.AsArray())
        {
            RenameNode(channel!, channels);
            foreach (var sample in channel!["samples"]!.AsArray())
            {
                RenameNode(sample!, samples);
                foreach (var modifier in sample!["modifiers"]!.AsArray())
                {
                    RenameNode(modifier!, modifiers);
                }
            }
        }
        foreach (var observation in root["observations"]!.AsArray())
        {
            RenameNode(observation!, channels);
        }
        foreach (var measurement in root["measurements"]!.AsArray())
        {
            RenameNode(measurement!, measurements);
            var config = measurement!["config"]!;
            if (modifiers.TryGetValue(config["poi"]!.GetValue<string>(), out var poi))
            {
                config["poi"] = poi;
            }
            if (config["parameters"] is JsonArray parameters)
            {
                foreach (var parameter in parameters)
                {
                    RenameNode(parameter!, modifiers);
                }
            }
        }
        return Workspace.FromJson(root, workspace.Source + " (renamed)");
    }

    /// <summary>
    /// Combines two workspaces with disjoint channels. Measurements of the same name must be identical; others are
    /// kept from both.
    /// </summary>
    /// <exception cref="InputException">The workspaces share a channel or disagree on a measurement.</exception>
    public static Workspace Combine(Workspace left, Workspace right)
    {
        var shared = left.Channels.Select(c => c.Name).Intersect(right.Channels.Select(c => c.Name)).ToList();
        if (shared.Count > 0)
        {
            throw new InputException($"both workspaces have channel(s) {string.Join(", ", shared)}; rename or prune them first", right.Source, "$.channels");
        }
        var a = left.ToJson();
        var b = right.ToJson();
        foreach (var key in new[] { "channels", "observations" })
        {
            foreach (var item in b[key]!.AsArray())
            {
                a[key]!.AsArray().Add(item!.DeepClone());
            }
        }
        var measurements = a["measurements"]!.AsArray();
        foreach (var measurement in b["measurements"]!.AsArray())
        {
            var existing = measurements.FirstOrDefault(m => Name(m) == Name(measurement));
            if (existing is null)
            {
                measurements.Add(measurement!.DeepClone());
            }
            else if (!JsonNode.DeepEquals(existing, measurement))
            {
                throw new InputException($"measurement '{Name(measurement)}' differs between the workspaces; rename one of them", right.Source, "$.measurements");
            }
        }
        return Workspace.FromJson(a, $"{left.Source} + {right.Source}");
    }

    private static IEnumerable<ModifierSpec> AllModifiers(Workspace workspace) =>
        workspace.Channels.SelectMany(c => c.Samples).SelectMany(s => s.Modifiers);

    private static HashSet<string> Known(IEnumerable<string>? names, IEnumerable<string> existing, string what, string source)
    {
        var set = new HashSet<string>(names ?? [], StringComparer.Ordinal);
        var all = existing.ToHashSet(StringComparer.Ordinal);
        foreach (var name in set)
        {
            if (!all.Contains(name))
            {
                throw new InputException($"no {what} named '{name}'; the workspace has {string.Join(", ", all.Order(StringComparer.Ordinal))}", source);
            }
        }
        return set;
    }

    private static string Name(JsonNode? node) => node?["name"]?.GetValue<string>() ?? "";

    private static void RenameNode(JsonNode node, IReadOnlyDictionary<string, string> map)
    {
        if (map.TryGetValue(Name(node), out var renamed))
        {
            node["name"] = renamed;
        }
    }

    private static void RemoveWhere(JsonArray array, Func<JsonNode?, bool> predicate)
    {
        for (var i = array.Count - 1; i >= 0; i--)
        {
            if (predicate(array[i]))
            {
                array.RemoveAt(i);
            }
        }
    }
}
