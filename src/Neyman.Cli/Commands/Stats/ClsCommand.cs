using System.CommandLine;
using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Stats.Inference;
using Neyman.Stats.Models;
using Neyman.Stats.Workspaces;

namespace Neyman.Cli.Commands.Stats;

/// <summary><c>neyman cls WORKSPACE</c>: CLs of one POI value, observed and expected band, as <c>pyhf cls</c>.</summary>
internal static class ClsCommand
{
    public static Command Create(CliContext context)
    {
        var input = new StatsInput();
        var testPoi = new Option<double>("--test-poi") { Description = "POI value to test", DefaultValueFactory = _ => 1.0 };
        var testStat = new Option<string>("--test-stat") { Description = "test statistic: qtilde, q or q0", DefaultValueFactory = _ => "qtilde" };
        var calcType = new Option<string>("--calctype") { Description = "asymptotics or toybased", DefaultValueFactory = _ => "asymptotics" };
        var toys = new Option<int>("--toys") { Description = "number of toys per hypothesis (toybased)", DefaultValueFactory = _ => 2000 };
        var seed = new Option<ulong>("--seed") { Description = "seed of the toys (toybased)", DefaultValueFactory = _ => 0UL };
        var eachPatch = new Option<string[]>("--each-patch")
        {
            Description = "compute each patch separately (in parallel); prints one result per patch keyed by file name",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("cls", "Compute CLs (observed and expected band) for a POI value of a pyhf workspace.");
        input.AddTo(command);
        command.Options.Add(testPoi);
        command.Options.Add(testStat);
        command.Options.Add(calcType);
        command.Options.Add(toys);
        command.Options.Add(seed);
        command.Options.Add(eachPatch);
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var kind = ParseTestStatistic(result.GetValue(testStat)!);
            var calculation = result.GetValue(calcType)!;
            if (calculation is not ("asymptotics" or "toybased"))
            {
                throw new InputException($"unknown calculator '{calculation}'; expected asymptotics or toybased", "--calctype");
            }
            var toyCount = result.GetValue(toys);
            if (calculation == "toybased" && toyCount < 1)
            {
                throw new InputException($"expected a positive number of toys, found {toyCount}", "--toys");
            }
            var options = input.ModelOptions(result);
            var mu = result.GetValue(testPoi);
            var seedValue = result.GetValue(seed);
            var patches = result.GetValue(eachPatch) ?? [];
            Func<Workspace, JsonObject> compute = workspace =>
            {
                var model = HistFactoryModel.Build(workspace, result.GetValue(input.Measurement), options);
                var data = new ModelData(model, model.ObservedData);
                var test = calculation == "asymptotics"
                    ? new AsymptoticCalculator(model, data, kind).Test(mu)
                    : new ToyCalculator(model, data, kind, toyCount, seedValue).Test(mu);
                return new JsonObject { ["CLs_obs"] = StatsInput.Number(test.CLs), ["CLs_exp"] = StatsInput.Numbers(test.CLsExpected) };
            };
            var baseJson = input.ReadBase(result, context);
            var shared = result.GetValue(input.Patch) ?? [];
            if (patches.Length == 0)
            {
                input.Write(result, context, compute(input.Patched(result, baseJson, shared)));
                return NeymanApp.Success;
            }
            var outcomes = new JsonObject?[patches.Length];
            var errors = new string?[patches.Length];
            Parallel.For(0, patches.Length, i =>
            {
                try
                {
                    outcomes[i] = compute(input.Patched(result, baseJson, shared.Append(patches[i])));
                }
                catch (Exception e) when (e is InputException or NonConvergenceException)
                {
                    errors[i] = e.Message;
                }
            });
            var all = new JsonObject();
            for (var i = 0; i < patches.Length; i++)
            {
                all[Path.GetFileName(patches[i])] = outcomes[i] ?? new JsonObject { ["error"] = errors[i] };
                if (errors[i] is not null)
                {
                    context.Error.WriteLine($"error: {Path.GetFileName(patches[i])}: {errors[i]}");
                }
            }
            input.Write(result, context, all);
            return errors.Any(e => e is not null) ? NeymanApp.BadInput : NeymanApp.Success;
        }));
        return command;
    }

    public static TestStatisticKind ParseTestStatistic(string text) => text switch
    {
        "qtilde" => TestStatisticKind.QmuTilde,
        "q" => TestStatisticKind.Qmu,
        "q0" => TestStatisticKind.Q0,
        _ => throw new InputException($"unknown test statistic '{text}'; expected qtilde, q or q0", "--test-stat"),
    };
}
