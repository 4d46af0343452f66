using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Neyman.Core;

namespace Neyman.Learning.Networks;

/// <summary>
/// The versioned JSON form of a <see cref="NetworkModel"/>: task, input names, standardization, layer shapes
/// and the flat parameters as base64 of little-endian float32 (exact and compact). Loading checks every field
/// and reports the file and JSON path of the first problem.
/// </summary>
public static class NetworkModelFile
{
    /// <summary>The format version this build writes for a model with an invariant-mass layer; it reads it and <see cref="FormatVersion"/>.</summary>
    public const int MassLayerFormatVersion = 2;

    /// <summary>The format version this build writes for a model without an invariant-mass layer.</summary>
    public const int FormatVersion = 1;

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> atomically.</summary>
    public static void Save(NetworkModel model, string path) => AtomicFile.WriteAllText(path, ToJson(model).ToJsonString());

    /// <summary>The JSON object of <paramref name="model"/>.</summary>
    public static JsonObject ToJson(NetworkModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var layers = new JsonArray();
        foreach (var layer in model.Network.Layers)
        {
            var entry = new JsonObject { ["inputs"] = layer.Inputs, ["outputs"] = layer.Outputs, ["activation"] = ActivationName(layer.Activation) };
            if (layer.IsNormalized)
            {
                entry["layer_norm"] = true;
            }
            layers.Add((JsonNode)entry);
        }
        var featureCount = model.FeatureNames.Count - model.ParameterNames.Count;
        var json = new JsonObject
        {
            ["kind"] = model.Kind,
            ["format_version"] = model.Masses is null ? FormatVersion : MassLayerFormatVersion,
            ["task"] = TaskName(model.Task),
            ["features"] = new JsonArray([.. model.FeatureNames.Take(featureCount).Select(n => (JsonNode)n)]),
            ["parameters"] = new JsonArray([.. model.ParameterNames.Select(n => (JsonNode)n)]),
            ["standardization"] = new JsonObject
            {
                ["mean"] = new JsonArray([.. model.Standardization.Means.Select(v => (JsonNode)v)]),
                ["scale"] = new JsonArray([.. model.Standardization.Scales.Select(v => (JsonNode)v)]),
            },
            ["layers"] = layers,
            ["weights_float32_base64"] = Convert.ToBase64String(MemoryMarshal.AsBytes(model.Network.Parameters.AsSpan())),
        };
        if (model.Masses is { } masses)
        {
            json["invariant_masses"] = MassLayerJson(masses, model.FeatureNames);
        }
        return json;
    }

    private static JsonObject MassLayerJson(InvariantMassLayer masses, IReadOnlyList<string> inputs)
    {
        var objects = new JsonArray();
        foreach (var o in masses.Objects)
        {
            var entry = new JsonObject { ["name"] = o.Name, ["pt"] = inputs[o.Pt] };
            if (o.Eta >= 0)
            {
                entry["eta"] = inputs[o.Eta];
            }
            entry["phi"] = inputs[o.Phi];
            objects.Add((JsonNode)entry);
        }
        return new JsonObject
        {
            ["objects"] = objects,
            ["combinations"] = masses.Combinations,
            ["momentum_unit"] = masses.MomentumUnit,
            ["mean"] = new JsonArray([.. masses.Means.Select(v => (JsonNode)v)]),
            ["variance"] = new JsonArray([.. masses.Variances.Select(v => (JsonNode)v)]),
            ["weights_float32_base64"] = Convert.ToBase64String(MemoryMarshal.AsBytes(masses.Weights.AsSpan())),
        };
    }

    private static InvariantMassLayer ReadMassLayer(JsonObject json, string[] inputs, string path)
    {
        const string where = "$.invariant_masses";
        var objectArray = json["objects"] as JsonArray ?? throw new InputException("expected an array of objects", path, where + ".objects");
        if (objectArray.Count == 0)
        {
            throw new InputException("expected at least one object", path, where + ".objects");
        }
        var objects = new MomentumObject[objectArray.Count];
        for (var o = 0; o < objects.Length; o++)
        {
            var at = $"{where}.objects[{o}]";
            var entry = objectArray[o] as JsonObject ?? throw new InputException("expected an object", path, at);
            int Column(string field, bool optional)
            {
                if (optional && entry[field] is null)
                {
                    return -1;
                }
                var name = Text(entry, field, path, at);
                var index = Array.IndexOf(inputs, name);
                return index >= 0 ? index : throw new InputException($"column '{name}' is not among the model's inputs", path, $"{at}.{field}");
            }
            objects[o] = new MomentumObject(Text(entry, "name", path, at), Column("pt", false), Column("eta", true), Column("phi", false));
        }
        var combinations = Integer(json, "combinations", path, where);
        if (combinations < 1)
        {
            throw new InputException("expected a positive number of combinations", path, where + ".combinations");
        }
        var unit = json["momentum_unit"] is JsonValue unitValue && TryNumber(unitValue, out var number) && number > 0 && double.IsFinite(number)
            ? (float)number
            : throw new InputException("expected a positive number", path, where + ".momentum_unit");
        var means = Numbers(json, "mean", path, where + ".mean", combinations);
        var variances = Numbers(json, "variance", path, where + ".variance", combinations);
        var negative = Array.FindIndex(variances, v => v < 0);
        if (negative >= 0)
        {
            throw new InputException("expected a variance of zero or more", path, $"{where}.variance[{negative}]");
        }
        var weights = Floats(Text(json, "weights_float32_base64", path, where), combinations * objects.Length, path, where + ".weights_float32_base64");
        return new InvariantMassLayer(objects, combinations, unit, weights, means, variances);
    }

    private static float[] Floats(string encoded, long count, string path, string where)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(encoded);
        }
        catch (FormatException e)
        {
            throw new InputException("expected base64 text", path, where, e);
        }
        if (bytes.Length != count * sizeof(float))
        {
            throw new InputException($"expected {count} float32 values ({count * sizeof(float)} bytes), found {bytes.Length} bytes", path, where);
        }
        var values = MemoryMarshal.Cast<byte, float>(bytes).ToArray();
        var bad = Array.FindIndex(values, v => !float.IsFinite(v));
        if (bad >= 0)
        {
            throw new InputException($"value {bad} is not finite", path, where);
        }
        return values;
    }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="InputException">The file is missing, not JSON, or not a valid network model.</exception>
    public static NetworkModel Load(string path) => (NetworkModel)Models.ModelFile.Load(path);

    /// <summary>Builds a model from its JSON object (the loader registered for the "dnn" and "autoencoder" kinds).</summary>
    /// <exception cref="InputException">A field is missing or invalid; the location is its JSON path.</exception>
    public static NetworkModel FromJson(JsonObject json, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        var version = Integer(json, "format_version", path);
        if (version != FormatVersion && version != MassLayerFormatVersion)
        {
            throw new InputException($"unsupported format version {version}; this build reads versions {FormatVersion} and {MassLayerFormatVersion}", path, "$.format_version");
        }
        var taskName = Text(json, "task", path);
        var task = ParseTask(taskName) ?? throw new InputException($"unknown task '{taskName}'; expected binary_classifier, regressor or autoencoder", path, "$.task");
        var kind = Text(json, "kind", path);
        if ((task == NetworkTask.Autoencoder) != (kind == NetworkModel.AutoencoderKind))
        {
            throw new InputException($"task '{taskName}' does not match kind '{kind}'", path, "$.task");
        }
        var features = Strings(json, "features", path);
        var parameters = Strings(json, "parameters", path);
        var inputs = features.Length + parameters.Length;
        InvariantMassLayer? masses = null;
        if (json["invariant_masses"] is { } massNode)
        {
            if (version < MassLayerFormatVersion || task == NetworkTask.Autoencoder)
            {
                throw new InputException($"an invariant-mass layer needs format version {MassLayerFormatVersion} and a classifier or regressor", path, "$.invariant_masses");
            }
            masses = ReadMassLayer(massNode as JsonObject ?? throw new InputException("expected an object", path, "$.invariant_masses"), [.. features, .. parameters], path);
        }
        var standardization = json["standardization"] as JsonObject ?? throw new InputException("expected an object", path, "$.standardization");
        var means = Numbers(standardization, "mean", path, "$.standardization.mean", inputs);
        var scales = Numbers(standardization, "scale", path, "$.standardization.scale", inputs);
        var zero = Array.FindIndex(scales, v => !(v > 0));
        if (zero >= 0)
        {
            throw new InputException("expected a positive scale", path, $"$.standardization.scale[{zero}]");
        }
        var layerArray = json["layers"] as JsonArray ?? throw new InputException("expected an array of layers", path, "$.layers");
        if (layerArray.Count == 0)
        {
            throw new InputException("expected at least one layer", path, "$.layers");
        }
        var shapes = new List<(int, int, ActivationKind)>();
        var normalized = new List<bool>();
        var width = inputs + (masses?.Combinations ?? 0);
        for (var l = 0; l < layerArray.Count; l++)
        {
            var where = $"$.layers[{l}]";
            var layer = layerArray[l] as JsonObject ?? throw new InputException("expected an object", path, where);
            var layerInputs = Integer(layer, "inputs", path, where);
            var layerOutputs = Integer(layer, "outputs", path, where);
            if (layerInputs != width || layerOutputs < 1)
            {
                throw new InputException($"expected {width} inputs and a positive output width, found {layerInputs} and {layerOutputs}", path, where);
            }
            var activationName = Text(layer, "activation", path, where);
            var activation = ParseActivation(activationName)
                ?? throw new InputException($"unknown activation '{activationName}'; expected one of {string.Join(", ", Enum.GetValues<ActivationKind>().Select(ActivationName))}", path, where + ".activation");
            shapes.Add((layerInputs, layerOutputs, activation));
            normalized.Add(layer["layer_norm"] switch
            {
                null => false,
                JsonValue flag when flag.TryGetValue<bool>(out var value) => value,
                _ => throw new InputException("expected true or false", path, where + ".layer_norm"),
            });
            width = layerOutputs;
        }
        var expectedOutputs = task == NetworkTask.Autoencoder ? inputs : 1;
        if (width != expectedOutputs)
        {
            throw new InputException($"expected the last layer to have {expectedOutputs} outputs, found {width}", path, $"$.layers[{layerArray.Count - 1}].outputs");
        }
        var count = shapes.Select((s, l) => (long)s.Item1 * s.Item2 + s.Item2 + (normalized[l] ? 2L * s.Item2 : 0)).Sum();
        var weights = Floats(Text(json, "weights_float32_base64", path), count, path, "$.weights_float32_base64");
        var network = new MultilayerPerceptron(shapes, weights, normalized);
        return new NetworkModel(task, features, parameters, new FeatureStandardization(means, scales), network, masses);
    }

    /// <summary>The lower-case name of an activation in files and on the command line.</summary>
    public static string ActivationName(ActivationKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses an activation name (case-insensitive); null if unknown.</summary>
    public static ActivationKind? ParseActivation(string name) =>
        Enum.GetValues<ActivationKind>().Cast<ActivationKind?>().FirstOrDefault(k => string.Equals(ActivationName(k!.Value), name, StringComparison.OrdinalIgnoreCase));

    private static string TaskName(NetworkTask task) => task switch
    {
        NetworkTask.BinaryClassifier => "binary_classifier",
        NetworkTask.Regressor => "regressor",
        _ => "autoencoder",
    };

    private static NetworkTask? ParseTask(string name) => name switch
    {
        "binary_classifier" => NetworkTask.BinaryClassifier,
        "regressor" => NetworkTask.Regressor,
        "autoencoder" => NetworkTask.Autoencoder,
        _ => null,
    };

    private static string Text(JsonObject json, string field, string path, string where = "$") =>
        json[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw new InputException("expected a string", path, $"{where}.{field}");

    private static int Integer(JsonObject json, string field, string path, string where = "$") =>
        json[field] is JsonValue value && value.TryGetValue<int>(out var number) ? number : throw new InputException("expected an integer", path, $"{where}.{field}");

    private static string[] Strings(JsonObject json, string field, string path)
    {
        var array = json[field] as JsonArray ?? throw new InputException("expected an array of column names", path, $"$.{field}");
        var names = new string[array.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = array[i] is JsonValue value && value.TryGetValue<string>(out var name) ? name : throw new InputException("expected a string", path, $"$.{field}[{i}]");
        }
        return names;
    }

    private static bool TryNumber(JsonValue value, out double number)
    {
        // Parsed text holds JSON elements; a tree built in memory holds the float it was given.
        if (value.TryGetValue(out float single))
        {
            number = single;
            return true;
        }
        return value.TryGetValue(out number);
    }

    private static float[] Numbers(JsonObject json, string field, string path, string where, int count)
    {
        var array = json[field] as JsonArray ?? throw new InputException("expected an array of numbers", path, where);
        if (array.Count != count)
        {
            throw new InputException($"expected {count} values (one per input), found {array.Count}", path, where);
        }
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = array[i] is JsonValue value && TryNumber(value, out var number) && double.IsFinite(number)
                ? (float)number
                : throw new InputException("expected a finite number", path, $"{where}[{i}]");
        }
        return values;
    }
}
