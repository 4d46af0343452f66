using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Stats.Interpolation;
using Neyman.Stats.Models;
using Neyman.Stats.Patching;
using Neyman.Stats.Workspaces;

namespace Neyman.Cli.Commands.Stats;

/// <summary>The arguments shared by the statistics verbs: the workspace, patches, measurement, interpolation and output.</summary>
internal sealed class StatsInput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public Argument<string> Workspace { get; } = new("WORKSPACE") { Description = "pyhf workspace JSON file, or - for standard input" };

    public Option<string[]> Patch { get; } = new("--patch")
    {
        Description = "JSON Patch file to apply to the workspace (repeatable; applied in order)",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Measurement { get; } = new("--measurement") { Description = "measurement to use (default: the first)" };

    public Option<string?> Interpolation { get; } = new("--interpolation")
    {
        Description = "interpolation codes, e.g. normsys=code1,histosys=code0 (codes: code0, code1, code2, code4, code4p; default normsys=code4,histosys=code4p)",
    };

    public Option<string?> OutputFile { get; } = new("--output-file") { Description = "write the JSON result to this file instead of standard output" };

    public void AddTo(Command command, bool withPatch = true)
    {
        command.Arguments.Add(Workspace);
        if (withPatch)
        {
            command.Options.Add(Patch);
        }
        command.Options.Add(Measurement);
        command.Options.Add(Interpolation);
        command.Options.Add(OutputFile);
    }

    /// <summary>Reads the workspace JSON (file or standard input) without validating it.</summary>
    public static JsonNode ReadJson(string path, CliContext context)
    {
        if (path == "-")
        {
            using var reader = context.OpenStandardInput();
            return JsonParse(reader.ReadToEnd(), "-");
        }
        try
        {
            return JsonParse(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException("cannot read the file: " + e.Message, path);
        }
    }

    private static JsonNode JsonParse(string text, string source)
    {
        try
        {
            return JsonNode.Parse(text) ?? throw new InputException("expected JSON, found null", source);
        }
        catch (JsonException e)
        {
            throw InputException.InvalidJson(e, source);
        }
    }

    /// <summary>The workspace JSON named by the argument, not yet validated.</summary>
    public JsonNode ReadBase(ParseResult result, CliContext context) => ReadJson(result.GetValue(Workspace)!, context);

    /// <summary>The workspace JSON with <paramref name="patches"/> applied in order, validated.</summary>
    public Workspace Patched(ParseResult result, JsonNode json, IEnumerable<string> patches)
    {
        var source = result.GetValue(Workspace)!;
        var owned = false;
        foreach (var patchPath in patches)
        {
            json = JsonPatch.Load(patchPath).Apply(json);
            owned = true;
            source += " + " + Path.GetFileName(patchPath);
        }
        // A patched tree is a fresh copy that nothing else holds: validate it in place.
        return owned && json is JsonObject root
            ? Neyman.Stats.Workspaces.Workspace.Adopt(root, source)
            : Neyman.Stats.Workspaces.Workspace.FromJson(json, source);
    }

    /// <summary>The workspace with every --patch applied in order, validated.</summary>
    public Workspace LoadWorkspace(ParseResult result, CliContext context) =>
        Patched(result, ReadBase(result, context), result.GetValue(Patch) ?? []);

    /// <summary>The model options from --interpolation.</summary>
    public ModelOptions ModelOptions(ParseResult result)
    {
        var text = result.GetValue(Interpolation);
        var options = Neyman.Stats.Models.ModelOptions.Default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return options;
        }
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('=', 2, StringSplitOptions.TrimEntries);
            var code = pieces.Length == 2 ? Interpolator.Parse(pieces[1]) : null;
            options = (pieces[0], code) switch
            {
                ("normsys", { } c) => options with { NormSysInterpolation = c },
                ("histosys", { } c) => options with { HistoSysInterpolation = c },
                _ => throw new InputException(
                    $"cannot read '{part}'; expected normsys=CODE or histosys=CODE with CODE one of code0, code1, code2, code4, code4p",
                    "--interpolation"),
            };
        }
        return options;
    }

    /// <summary>Writes the result to --output-file (atomically) or standard output.</summary>
    public void Write(ParseResult result, CliContext context, JsonNode value)
    {
        var text = value.ToJsonString(Indented);
        var file = result.GetValue(OutputFile);
        if (string.IsNullOrEmpty(file))
        {
            context.Out.WriteLine(text);
        }
        else
        {
            AtomicFile.WriteAllText(file, text + "\n");
        }
    }

    /// <summary>A JSON number, or null for a value that is not finite.</summary>
    public static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    /// <summary>A JSON array of numbers.</summary>
    public static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(Number).ToArray());
}
