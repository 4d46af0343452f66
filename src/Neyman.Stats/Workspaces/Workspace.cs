using System.Text.Json;
using System.Text.Json.Nodes;
using Neyman.Core;

namespace Neyman.Stats.Workspaces;

/// <summary>
/// A validated pyhf workspace (schema 1.0.0): channels, observations and measurements. The original JSON is kept, so
/// writing a workspace back preserves everything it held.
/// </summary>
public sealed class Workspace
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly JsonObject _root;

    private Workspace(JsonObject root, string source)
    {
        var reader = new WorkspaceReader(source);
        Source = source;
        Channels = reader.ReadChannels(root);
        Observations = reader.ReadObservations(root, Channels);
        Measurements = reader.ReadMeasurements(root);
        Version = reader.ReadVersion(root);
        var modifierNames = Channels.SelectMany(c => c.Samples).SelectMany(s => s.Modifiers).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var measurement in Measurements)
        {
            if (!modifierNames.Contains(measurement.Poi))
            {
                throw new InputException(
                    $"unknown parameter of interest '{measurement.Poi}': no modifier has that name", source, measurement.Path + ".config.poi");
            }
        }
        _root = root;
    }

    /// <summary>Where the workspace came from (a file name, or "-" for standard input).</summary>
    public string Source { get; }

    /// <summary>The channels in the order written.</summary>
    public IReadOnlyList<ChannelSpec> Channels { get; }

    /// <summary>The observed counts, one entry per channel.</summary>
    public IReadOnlyList<ObservationSpec> Observations { get; }

    /// <summary>The measurements in the order written.</summary>
    public IReadOnlyList<MeasurementSpec> Measurements { get; }

    /// <summary>The schema version ("1.0.0").</summary>
    public string Version { get; }

    /// <summary>Parses and validates workspace JSON text.</summary>
    /// <exception cref="InputException">The text is not JSON or not a valid workspace; the message names the JSON path.</exception>
    public static Workspace Parse(string json, string source) => FromJson(JsonRead.Parse(json, source), source);

    /// <summary>Reads and validates a workspace file.</summary>
    public static Workspace Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException("cannot read the workspace: " + e.Message, path, null, e);
        }
        return Parse(text, path);
    }

    /// <summary>Validates a JSON node as a workspace (the node is copied).</summary>
    public static Workspace FromJson(JsonNode node, string source)
    {
        var root = new JsonRead(source).Object(node, "$");
        return new Workspace((JsonObject)root.DeepClone(), source);
    }

    /// <summary>
    /// Validates a JSON object as a workspace and takes ownership of it without copying (the caller must not change
    /// it afterwards); for freshly built trees such as the result of <see cref="Patching.JsonPatch.Apply"/>.
    /// </summary>
    public static Workspace Adopt(JsonObject root, string source) => new(root, source);

    /// <summary>Validates only the channels of a model specification ({"channels": [...]}), as pyhf's model spec.</summary>
    public static IReadOnlyList<ChannelSpec> ReadModelSpec(JsonNode node, string source)
    {
        var root = new JsonRead(source).Object(node, "$");
        return new WorkspaceReader(source).ReadChannels(root);
    }

    /// <summary>A copy of the workspace JSON.</summary>
    public JsonObject ToJson() => (JsonObject)_root.DeepClone();

    /// <summary>The workspace as indented JSON text.</summary>
    public string ToJsonString() => _root.ToJsonString(Indented);

    /// <summary>The measurement called <paramref name="name"/>, or the first one when null.</summary>
    /// <exception cref="InputException">No measurement has that name.</exception>
    public MeasurementSpec Measurement(string? name)
    {
        if (name is null)
        {
            return Measurements[0];
        }
        return Measurements.FirstOrDefault(m => m.Name == name)
            ?? throw new InputException(
                $"no measurement named '{name}'; the workspace has {string.Join(", ", Measurements.Select(m => m.Name))}", Source, "$.measurements");
    }
}
