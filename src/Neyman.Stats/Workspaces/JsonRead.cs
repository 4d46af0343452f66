using System.Text.Json;
using System.Text.Json.Nodes;
using Neyman.Core;

namespace Neyman.Stats.Workspaces;

/// <summary>Typed access to JSON nodes that reports the JSON path and the expected shape on failure.</summary>
internal sealed class JsonRead(string source)
{
    public string Source { get; } = source;

    public InputException Error(string path, string problem) => new(problem, Source, path);

    public static JsonNode Parse(string text, string source)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false })
                ?? throw new InputException("expected a JSON value, found null", source, "$");
        }
        catch (JsonException e)
        {
            throw InputException.InvalidJson(e, source);
        }
    }

    public JsonObject Object(JsonNode? node, string path) =>
        node as JsonObject ?? throw Error(path, "expected an object, found " + Describe(node));

    public JsonArray Array(JsonNode? node, string path) =>
        node as JsonArray ?? throw Error(path, "expected an array, found " + Describe(node));

    public JsonNode? Required(JsonObject parent, string name, string path) =>
        parent.TryGetPropertyValue(name, out var value)
            ? value
            : throw Error(path, $"missing required property '{name}'");

    public string String(JsonNode? node, string path)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }
        throw Error(path, "expected a string, found " + Describe(node));
    }

    public double Number(JsonNode? node, string path)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            return v.GetValue<double>();
        }
        throw Error(path, "expected a number, found " + Describe(node));
    }

    public bool Boolean(JsonNode? node, string path)
    {
        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetValue<bool>();
        }
        throw Error(path, "expected true or false, found " + Describe(node));
    }

    public double[] Numbers(JsonNode? node, string path)
    {
        var array = Array(node, path);
        var values = new double[array.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Number(array[i], $"{path}[{i}]");
        }
        return values;
    }

    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray a => $"an array of {a.Count}",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => $"the string \"{Truncate(v.GetValue<string>())}\"",
            JsonValueKind.Number => "the number " + v.ToJsonString(),
            JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
            _ => v.ToJsonString(),
        },
        _ => node.ToJsonString(),
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
