using System.Globalization;
using System.Text.Json.Nodes;

namespace Neyman.Stats.Patching;

/// <summary>JSON Pointer (RFC 6901) navigation over <see cref="JsonNode"/> trees.</summary>
internal static class JsonPointer
{
    public static string[] Tokens(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }
        if (pointer[0] != '/')
        {
            throw new PointerException("a JSON Pointer must be empty or start with '/'");
        }
        return pointer[1..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToArray();
    }

    public static JsonNode? Resolve(JsonNode root, string pointer)
    {
        JsonNode? node = root;
        foreach (var token in Tokens(pointer))
        {
            node = Step(node, token);
        }
        return node;
    }

    public static (JsonNode Parent, string Token) Parent(JsonNode root, string pointer)
    {
        var tokens = Tokens(pointer);
        if (tokens.Length == 0)
        {
            throw new PointerException("the document root has no parent");
        }
        JsonNode? node = root;
        for (var i = 0; i < tokens.Length - 1; i++)
        {
            node = Step(node, tokens[i]);
        }
        return (node ?? throw new PointerException("the parent is null"), tokens[^1]);
    }

    public static int Index(string token, int limit)
    {
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= limit ||
            (token.Length > 1 && token[0] == '0'))
        {
            throw new PointerException($"'{token}' is not an array index below {limit}");
        }
        return index;
    }

    private static JsonNode? Step(JsonNode? node, string token) => node switch
    {
        JsonObject o => o.TryGetPropertyValue(token, out var child) ? child : throw new PointerException($"no member '{token}'"),
        JsonArray a => a[Index(token, a.Count)],
        _ => throw new PointerException($"cannot step into a value with '{token}'"),
    };
}

/// <summary>A JSON Pointer that does not resolve; turned into an input error by the caller.</summary>
internal sealed class PointerException(string message) : Exception(message);
