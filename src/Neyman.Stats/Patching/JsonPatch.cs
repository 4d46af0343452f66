using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Patching;

/// <summary>
/// A JSON Patch (RFC 6902): a list of add, remove, replace, move, copy and test operations on JSON Pointer paths
/// (RFC 6901). Applying a patch never changes its input; a failing operation names its index and path.
/// </summary>
public sealed class JsonPatch
{
    private readonly JsonArray _operations;

    private JsonPatch(JsonArray operations, string source)
    {
        _operations = operations;
        Source = source;
    }

    /// <summary>Where the patch came from, for error messages.</summary>
    public string Source { get; }

    /// <summary>The number of operations.</summary>
    public int Count => _operations.Count;

    /// <summary>Parses a patch document (a JSON array of operations).</summary>
    public static JsonPatch Parse(string json, string source) => FromJson(JsonRead.Parse(json, source), source);

    /// <summary>Reads a patch file.</summary>
    public static JsonPatch Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException("cannot read the patch: " + e.Message, path, null, e);
        }
    }

    /// <summary>Wraps a JSON array of operations (copied), checking each operation's shape.</summary>
    public static JsonPatch FromJson(JsonNode? node, string source)
    {
        var json = new JsonRead(source);
        var array = (JsonArray)json.Array(node, "$").DeepClone();
        for (var i = 0; i < array.Count; i++)
        {
            var path = $"$[{i}]";
            var op = json.Object(array[i], path);
            var name = json.String(json.Required(op, "op", path), path + ".op");
            json.String(json.Required(op, "path", path), path + ".path");
            switch (name)
            {
                case "add" or "replace" or "test":
                    json.Required(op, "value", path);
                    break;
                case "move" or "copy":
                    json.String(json.Required(op, "from", path), path + ".from");
                    break;
                case "remove":
                    break;
                default:
                    throw json.Error(path + ".op", $"unknown operation '{name}'; expected add, remove, replace, move, copy or test");
            }
        }
        return new JsonPatch(array, source);
    }

    /// <summary>The patch as JSON (a copy).</summary>
    public JsonArray ToJson() => (JsonArray)_operations.DeepClone();

    /// <summary>Applies the patch to a copy of <paramref name="document"/> and returns the result.</summary>
    /// <exception cref="InputException">An operation's path does not exist, or a test fails.</exception>
    public JsonNode Apply(JsonNode document)
    {
        var root = document.DeepClone();
        for (var i = 0; i < _operations.Count; i++)
        {
            var op = (JsonObject)_operations[i]!;
            var where = $"$[{i}]";
            var path = op["path"]!.GetValue<string>();
            try
            {
                root = ApplyOne(root, op, path);
            }
            catch (PointerException e)
            {
                throw new InputException($"{op["op"]} at '{path}': {e.Message}", Source, where);
            }
        }
        return root;
    }

    private static JsonNode ApplyOne(JsonNode root, JsonObject op, string path)
    {
        switch (op["op"]!.GetValue<string>())
        {
            case "add":
                return Add(root, path, op["value"]?.DeepClone());
            case "remove":
                Remove(root, path);
                return root;
            case "replace":
                Remove(root, path);
                return Add(root, path, op["value"]?.DeepClone());
            case "move":
                var from = op["from"]!.GetValue<string>();
                var moved = JsonPointer.Resolve(root, from)?.DeepClone();
                Remove(root, from);
                return Add(root, path, moved);
            case "copy":
                return Add(root, path, JsonPointer.Resolve(root, op["from"]!.GetValue<string>())?.DeepClone());
            default:
                var actual = JsonPointer.Resolve(root, path);
                if (!JsonNode.DeepEquals(actual, op["value"]))
                {
                    throw new PointerException("test failed: the value differs");
                }
                return root;
        }
    }

    private static JsonNode Add(JsonNode root, string path, JsonNode? value)
    {
        if (path.Length == 0)
        {
            return value ?? throw new PointerException("cannot replace the whole document with null");
        }
        var (parent, token) = JsonPointer.Parent(root, path);
        switch (parent)
        {
            case JsonObject o:
                o[token] = value;
                break;
            case JsonArray a:
                var index = token == "-" ? a.Count : JsonPointer.Index(token, a.Count + 1);
                a.Insert(index, value);
                break;
            default:
                throw new PointerException("the parent is not an object or array");
        }
        return root;
    }

    private static void Remove(JsonNode root, string path)
    {
        var (parent, token) = JsonPointer.Parent(root, path);
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(token):
                o.Remove(token);
                break;
            case JsonArray a:
                a.RemoveAt(JsonPointer.Index(token, a.Count));
                break;
            default:
                throw new PointerException("the path does not exist");
        }
    }
}
