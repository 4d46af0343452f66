using System.CommandLine;
using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Stats.Patching;
using Neyman.Stats.Workspaces;

namespace Neyman.Cli.Commands.Stats;

/// <summary><c>neyman patchset list|apply</c>: pyhf patch sets.</summary>
internal static class PatchSetCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("patchset", "List or apply the patches of a pyhf patch set.");
        var file = new Argument<string>("PATCHSET") { Description = "patch set JSON file" };
        var list = new Command("list", "List the patches of a patch set with their values.");
        list.Arguments.Add(file);
        list.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var set = PatchSet.Load(result.GetValue(file)!);
            var patches = new JsonArray();
            foreach (var p in set.Patches)
            {
                patches.Add((JsonNode)new JsonObject
                {
                    ["name"] = p.Name,
                    ["values"] = new JsonArray(p.Values.Select(v => v is double d ? JsonValue.Create(d) : (JsonNode?)JsonValue.Create((string)v)).ToArray()),
                });
            }
            context.Out.WriteLine(new JsonObject
            {
                ["description"] = set.Description,
                ["labels"] = new JsonArray(set.Labels.Select(l => (JsonNode?)l).ToArray()),
                ["digests"] = new JsonObject(set.Digests.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))),
                ["patches"] = patches,
            }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            return NeymanApp.Success;
        }));
        command.Subcommands.Add(list);

        var input = new StatsInput();
        var setFile = new Argument<string>("PATCHSET") { Description = "patch set JSON file" };
        var name = new Option<string?>("--name") { Description = "name of the patch to apply" };
        var values = new Option<string[]>("--values") { Description = "values of the patch to apply, one per label", AllowMultipleArgumentsPerToken = true };
        var apply = new Command("apply", "Apply one patch of a patch set to a workspace and print the patched workspace.");
        apply.Arguments.Add(input.Workspace);
        apply.Arguments.Add(setFile);
        apply.Options.Add(name);
        apply.Options.Add(values);
        apply.Options.Add(input.OutputFile);
        apply.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var set = PatchSet.Load(result.GetValue(setFile)!);
            var patchName = result.GetValue(name);
            var patchValues = result.GetValue(values) ?? [];
            if ((patchName is null) == (patchValues.Length == 0))
            {
                throw new InputException("expected exactly one of --name or --values", "patchset apply");
            }
            var entry = patchName is not null ? set.Find(patchName) : set.FindByValues(patchValues);
            var workspace = Workspace.FromJson(StatsInput.ReadJson(result.GetValue(input.Workspace)!, context), result.GetValue(input.Workspace)!);
            input.Write(result, context, set.Apply(workspace, entry).ToJson());
            return NeymanApp.Success;
        }));
        command.Subcommands.Add(apply);
        return command;
    }
}
