using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Stats.Inference;
using Neyman.Stats.Models;

namespace Neyman.Cli.Commands.Stats;

/// <summary><c>neyman upper-limit WORKSPACE</c>: observed and expected 95% CL upper limits on the POI.</summary>
internal static class UpperLimitCommand
{
    public static Command Create(CliContext context)
    {
        var input = new StatsInput();
        var scan = new Option<string?>("--scan") { Description = "grid START:STOP:N of POI values to interpolate on (default: root finding within the POI bounds)" };
        var level = new Option<double>("--level") { Description = "CLs level (0.05 for 95% CL)", DefaultValueFactory = _ => 0.05 };
        var testStat = new Option<string>("--test-stat") { Description = "test statistic: qtilde or q", DefaultValueFactory = _ => "qtilde" };
        var command = new Command("upper-limit", "Compute observed and expected CLs upper limits on the parameter of interest.");
        input.AddTo(command);
        command.Options.Add(scan);
        command.Options.Add(level);
        command.Options.Add(testStat);
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var kind = ClsCommand.ParseTestStatistic(result.GetValue(testStat)!);
            if (kind == TestStatisticKind.Q0)
            {
                throw new InputException("q0 is a discovery statistic; expected qtilde or q", "--test-stat");
            }
            var cl = result.GetValue(level);
            if (!(cl > 0 && cl < 1))
            {
                throw new InputException($"expected a level between 0 and 1, found {cl}", "--level");
            }
            var model = HistFactoryModel.Build(input.LoadWorkspace(result, context), result.GetValue(input.Measurement), input.ModelOptions(result));
            var calculator = new AsymptoticCalculator(model, new ModelData(model, model.ObservedData), kind);
            var grid = result.GetValue(scan) is { } text ? ParseGrid(text) : null;
            var poi = model.Config.PoiIndex;
            var limits = grid is null
                ? UpperLimit.FindRoots(calculator.Test, model.Config.LowerBounds[poi], model.Config.UpperBounds[poi], cl)
                : UpperLimit.Scan(calculator.Test, grid, cl);
            input.Write(result, context, new JsonObject
            {
                ["obs_limit"] = StatsInput.Number(limits.Observed),
                ["exp_limits"] = StatsInput.Numbers(limits.Expected),
                ["poi"] = model.Config.PoiName,
                ["method"] = grid is null ? "root finding (Brent)" : "grid scan with linear interpolation",
            });
            return NeymanApp.Success;
        }));
        return command;
    }

    private static double[] ParseGrid(string text)
    {
        var parts = text.Split(':');
        if (parts.Length == 3 &&
            double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var start) &&
            double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var stop) &&
            int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 2 && stop > start)
        {
            return Enumerable.Range(0, n).Select(i => start + (stop - start) * i / (n - 1)).ToArray();
        }
        throw new InputException($"cannot read '{text}'; expected START:STOP:N with START < STOP and N >= 2, e.g. 0:5:21", "--scan");
    }
}
