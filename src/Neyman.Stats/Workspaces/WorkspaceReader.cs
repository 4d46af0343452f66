using System.Text.Json.Nodes;
using Neyman.Stats.Modifiers;

namespace Neyman.Stats.Workspaces;

/// <summary>Reads and validates the parts of a pyhf workspace (schema 1.0.0), naming the JSON path of every problem.</summary>
internal sealed class WorkspaceReader(string source)
{
    private readonly JsonRead _json = new(source);

    public IReadOnlyList<ChannelSpec> ReadChannels(JsonObject root)
    {
        var array = _json.Array(_json.Required(root, "channels", "$"), "$.channels");
        if (array.Count == 0)
        {
            throw _json.Error("$.channels", "expected at least one channel, found an empty array");
        }
        var channels = new List<ChannelSpec>(array.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < array.Count; c++)
        {
            var path = $"$.channels[{c}]";
            var channel = ReadChannel(array[c], path);
            if (!names.Add(channel.Name))
            {
                throw _json.Error(path + ".name", $"duplicate channel name '{channel.Name}'");
            }
            channels.Add(channel);
        }
        return channels;
    }

    private ChannelSpec ReadChannel(JsonNode? node, string path)
    {
        var o = _json.Object(node, path);
        var name = _json.String(_json.Required(o, "name", path), path + ".name");
        var array = _json.Array(_json.Required(o, "samples", path), path + ".samples");
        if (array.Count == 0)
        {
            throw _json.Error(path + ".samples", "expected at least one sample, found an empty array");
        }
        var samples = new List<SampleSpec>(array.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        int? bins = null;
        for (var s = 0; s < array.Count; s++)
        {
            var samplePath = $"{path}.samples[{s}]";
            var sample = ReadSample(array[s], samplePath, ref bins);
            if (!names.Add(sample.Name))
            {
                throw _json.Error(samplePath + ".name", $"duplicate sample name '{sample.Name}' in channel '{name}'");
            }
            samples.Add(sample);
        }
        return new ChannelSpec(name, samples);
    }

    private SampleSpec ReadSample(JsonNode? node, string path, ref int? bins)
    {
        var o = _json.Object(node, path);
        var name = _json.String(_json.Required(o, "name", path), path + ".name");
        var data = _json.Numbers(_json.Required(o, "data", path), path + ".data");
        if (data.Length == 0)
        {
            throw _json.Error(path + ".data", "expected at least one bin, found an empty array");
        }
        if (bins is { } expected && data.Length != expected)
        {
            throw _json.Error(path + ".data", $"expected {expected} bins like the channel's first sample, found {data.Length}");
        }
        bins = data.Length;
        var array = _json.Array(_json.Required(o, "modifiers", path), path + ".modifiers");
        var modifiers = new List<ModifierSpec>(array.Count);
        var seen = new HashSet<(string, string)>();
        for (var m = 0; m < array.Count; m++)
        {
            var modifierPath = $"{path}.modifiers[{m}]";
            var modifier = ReadModifier(array[m], modifierPath, data.Length);
            if (!seen.Add((modifier.Name, modifier.Type)))
            {
                throw _json.Error(modifierPath, $"duplicate {modifier.Type} modifier '{modifier.Name}' in sample '{name}'");
            }
            modifiers.Add(modifier);
        }
        return new SampleSpec(name, data, modifiers);
    }

    private ModifierSpec ReadModifier(JsonNode? node, string path, int bins)
    {
        var o = _json.Object(node, path);
        var name = _json.String(_json.Required(o, "name", path), path + ".name");
        var typeName = _json.String(_json.Required(o, "type", path), path + ".type");
        var type = ModifierCatalog.Find(typeName)
            ?? throw _json.Error(path + ".type", $"unknown modifier type '{typeName}'; expected one of {ModifierCatalog.AllowedNames}");
        var data = _json.Required(o, "data", path);
        return type.Read(_json, data, name, path, bins);
    }

    public IReadOnlyList<ObservationSpec> ReadObservations(JsonObject root, IReadOnlyList<ChannelSpec> channels)
    {
        var array = _json.Array(_json.Required(root, "observations", "$"), "$.observations");
        var byName = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var observations = new List<ObservationSpec>(array.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"$.observations[{i}]";
            var o = _json.Object(array[i], path);
            var name = _json.String(_json.Required(o, "name", path), path + ".name");
            var data = _json.Numbers(_json.Required(o, "data", path), path + ".data");
            if (!names.Add(name))
            {
                throw _json.Error(path + ".name", $"duplicate observation for channel '{name}'");
            }
            // pyhf keeps observations of channels that patches removed; they are carried but not used.
            if (byName.TryGetValue(name, out var channel) && data.Length != channel.BinCount)
            {
                throw _json.Error(path + ".data", $"expected {channel.BinCount} values (the bins of channel '{name}'), found {data.Length}");
            }
            observations.Add(new ObservationSpec(name, data));
        }
        foreach (var channel in channels)
        {
            if (!names.Contains(channel.Name))
            {
                throw _json.Error("$.observations", $"no observation for channel '{channel.Name}'");
            }
        }
        return observations;
    }

    public IReadOnlyList<MeasurementSpec> ReadMeasurements(JsonObject root)
    {
        var array = _json.Array(_json.Required(root, "measurements", "$"), "$.measurements");
        if (array.Count == 0)
        {
            throw _json.Error("$.measurements", "expected at least one measurement, found an empty array");
        }
        var measurements = new List<MeasurementSpec>(array.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"$.measurements[{i}]";
            var o = _json.Object(array[i], path);
            var name = _json.String(_json.Required(o, "name", path), path + ".name");
            if (!names.Add(name))
            {
                throw _json.Error(path + ".name", $"duplicate measurement name '{name}'");
            }
            var config = _json.Object(_json.Required(o, "config", path), path + ".config");
            var poi = _json.String(_json.Required(config, "poi", path + ".config"), path + ".config.poi");
            var parameters = config.TryGetPropertyValue("parameters", out var p)
                ? ReadParameters(p, path + ".config.parameters")
                : [];
            measurements.Add(new MeasurementSpec(name, poi, parameters, path));
        }
        return measurements;
    }

    private List<ParameterConfig> ReadParameters(JsonNode? node, string path)
    {
        var array = _json.Array(node, path);
        var list = new List<ParameterConfig>(array.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var o = _json.Object(array[i], itemPath);
            var name = _json.String(_json.Required(o, "name", itemPath), itemPath + ".name");
            if (!names.Add(name))
            {
                throw _json.Error(itemPath + ".name", $"duplicate parameter configuration '{name}'");
            }
            list.Add(new ParameterConfig(name, itemPath)
            {
                Inits = o.TryGetPropertyValue("inits", out var inits) ? _json.Numbers(inits, itemPath + ".inits") : null,
                Bounds = o.TryGetPropertyValue("bounds", out var bounds) ? ReadBounds(bounds, itemPath + ".bounds") : null,
                Fixed = o.TryGetPropertyValue("fixed", out var fix) ? _json.Boolean(fix, itemPath + ".fixed") : null,
                Auxdata = o.TryGetPropertyValue("auxdata", out var aux) ? _json.Numbers(aux, itemPath + ".auxdata") : null,
                Sigmas = o.TryGetPropertyValue("sigmas", out var sig) ? _json.Numbers(sig, itemPath + ".sigmas") : null,
            });
        }
        return list;
    }

    private List<(double, double)> ReadBounds(JsonNode? node, string path)
    {
        var array = _json.Array(node, path);
        var list = new List<(double, double)>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var pair = _json.Numbers(array[i], $"{path}[{i}]");
            if (pair.Length != 2 || !(pair[0] <= pair[1]))
            {
                throw _json.Error($"{path}[{i}]", "expected a pair [lower, upper] with lower <= upper");
            }
            list.Add((pair[0], pair[1]));
        }
        return list;
    }

    public string ReadVersion(JsonObject root)
    {
        var version = _json.String(_json.Required(root, "version", "$"), "$.version");
        if (version != "1.0.0")
        {
            throw _json.Error("$.version", $"unsupported workspace version '{version}'; expected \"1.0.0\"");
        }
        return version;
    }
}
