using System.CommandLine;
using System.Text.Json.Nodes;
using Neyman.Stats.Inference;
using Neyman.Stats.Models;

namespace Neyman.Cli.Commands.Stats;

/// <summary><c>neyman significance WORKSPACE</c>: discovery p0 and Z0, observed and expected.</summary>
internal static class SignificanceCommand
{
    public static Command Create(CliContext context)
    {
        var input = new StatsInput();
        var command = new Command("significance", "Compute the discovery p-value p0 and significance Z0 (asymptotic q0), observed and expected.");
        input.AddTo(command);
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var model = HistFactoryModel.Build(input.LoadWorkspace(result, context), result.GetValue(input.Measurement), input.ModelOptions(result));
            var discovery = Discovery.Compute(model, new ModelData(model, model.ObservedData));
            input.Write(result, context, new JsonObject
            {
                ["p0_obs"] = StatsInput.Number(discovery.P0),
                ["Z0_obs"] = StatsInput.Number(discovery.Z0),
                ["p0_exp"] = StatsInput.Numbers(discovery.ExpectedP0),
                ["Z0_exp"] = StatsInput.Numbers(discovery.ExpectedZ0),
            });
            return NeymanApp.Success;
        }));
        return command;
    }
}
