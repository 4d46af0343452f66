using System.Text.Json.Nodes;
using Neyman.Core;

namespace Neyman.Learning.Models;

/// <summary>
/// Loads any saved model by the <c>kind</c> field of its JSON file. The table of loaders is the one
/// place where model kinds are registered.
/// </summary>
public static class ModelFile
{
    private static readonly IReadOnlyDictionary<string, Func<JsonObject, string, IEventModel>> Loaders =
        new Dictionary<string, Func<JsonObject, string, IEventModel>>(StringComparer.Ordinal)
        {
            // One line per model kind: ["kind"] = (json, path) => Type.FromJson(json, path),
            [Trees.BoostedTreesModel.ModelKind] = (json, path) => Trees.BoostedTreesModelFile.FromJson(json, path),
            [Networks.NetworkModel.DnnKind] = (json, path) => Networks.NetworkModelFile.FromJson(json, path),
            [Networks.NetworkModel.AutoencoderKind] = (json, path) => Networks.NetworkModelFile.FromJson(json, path),
        };

    /// <summary>The model kinds this build can load.</summary>
    public static IReadOnlyCollection<string> Kinds => Loaders.Keys.ToArray();

    /// <summary>Reads a model file of any registered kind.</summary>
    /// <exception cref="InputException">The file is missing, not JSON, or of an unknown kind.</exception>
    public static IEventModel Load(string path)
    {
        JsonNode? root;
        try
        {
            using var stream = File.OpenRead(path);
            root = JsonNode.Parse(stream);
        }
        catch (FileNotFoundException)
        {
            throw new InputException("the model file does not exist", path);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw InputException.InvalidJson(e, path, "a valid JSON model file");
        }
        if (root is not JsonObject obj || obj["kind"] is not JsonValue kindValue || !kindValue.TryGetValue<string>(out var kind))
        {
            throw new InputException("expected a JSON object with a string field 'kind'", path, "$.kind");
        }
        if (!Loaders.TryGetValue(kind, out var loader))
        {
            throw new InputException($"unknown model kind '{kind}'; expected one of: {string.Join(", ", Loaders.Keys)}", path, "$.kind");
        }
        return loader(obj, path);
    }
}
