using System.Text.Json.Nodes;
using Neyman.Core;

namespace Neyman.Learning.Trees;

/// <summary>Typed reads of JSON fields that report the file and JSON path of anything missing or mistyped.</summary>
internal readonly record struct JsonFields(string Source)
{
    public JsonNode Required(JsonObject parent, string name, string path) =>
        parent[name] ?? throw new InputException($"missing field '{name}'", Source, $"{path}.{name}");

    public string String(JsonObject parent, string name, string path) =>
        Required(parent, name, path) is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new InputException("expected a string", Source, $"{path}.{name}");

    public int Int(JsonObject parent, string name, string path) =>
        Required(parent, name, path) is JsonValue v && v.TryGetValue<int>(out var i)
            ? i
            : throw new InputException("expected an integer", Source, $"{path}.{name}");

    public JsonObject Object(JsonObject parent, string name, string path) =>
        Required(parent, name, path) as JsonObject ?? throw new InputException("expected an object", Source, $"{path}.{name}");

    public JsonArray Array(JsonObject parent, string name, string path) =>
        Required(parent, name, path) as JsonArray ?? throw new InputException("expected an array", Source, $"{path}.{name}");

    public double[] Doubles(JsonObject parent, string name, string path)
    {
        var array = Array(parent, name, path);
        var result = new double[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            result[i] = array[i] is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d)
                ? d
                : throw new InputException("expected a finite number", Source, $"{path}.{name}[{i}]");
        }

        return result;
    }

    public int[] Ints(JsonObject parent, string name, string path)
    {
        var array = Array(parent, name, path);
        var result = new int[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            result[i] = array[i] is JsonValue v && v.TryGetValue<int>(out var d)
                ? d
                : throw new InputException("expected an integer", Source, $"{path}.{name}[{i}]");
        }

        return result;
    }

    public bool[] Bools(JsonObject parent, string name, string path)
    {
        var array = Array(parent, name, path);
        var result = new bool[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            result[i] = array[i] is JsonValue v && v.TryGetValue<bool>(out var b)
                ? b
                : throw new InputException("expected true or false", Source, $"{path}.{name}[{i}]");
        }

        return result;
    }

    /// <summary>An array of flags written as true/false or as 0/1 (XGBoost uses both across versions).</summary>
    public bool[] Flags(JsonObject parent, string name, string path)
    {
        var array = Array(parent, name, path);
        var result = new bool[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            result[i] = array[i] switch
            {
                JsonValue v when v.TryGetValue<bool>(out var b) => b,
                JsonValue v when v.TryGetValue<int>(out var n) && n is 0 or 1 => n == 1,
                _ => throw new InputException("expected 0, 1, true or false", Source, $"{path}.{name}[{i}]"),
            };
        }

        return result;
    }

    public string[] Strings(JsonObject parent, string name, string path)
    {
        var array = Array(parent, name, path);
        var result = new string[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            result[i] = array[i] is JsonValue v && v.TryGetValue<string>(out var s)
                ? s
                : throw new InputException("expected a string", Source, $"{path}.{name}[{i}]");
        }

        return result;
    }
}
