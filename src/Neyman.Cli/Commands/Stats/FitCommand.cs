using System.CommandLine;
using System.Text.Json.Nodes;
using Neyman.Stats.Fitting;
using Neyman.Stats.Models;

namespace Neyman.Cli.Commands.Stats;

/// <summary><c>neyman fit WORKSPACE</c>: maximum-likelihood fit with uncertainties, by parameter name.</summary>
internal static class FitCommand
{
    public static Command Create(CliContext context)
    {
        var input = new StatsInput();
        var poiValue = new Option<double?>("--fix-poi") { Description = "hold the parameter of interest at this value" };
        var command = new Command("fit", "Fit a pyhf workspace: best-fit values, uncertainties, correlations, twice the NLL, convergence.");
        input.AddTo(command);
        command.Options.Add(poiValue);
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var workspace = input.LoadWorkspace(result, context);
            var model = HistFactoryModel.Build(workspace, result.GetValue(input.Measurement), input.ModelOptions(result));
            var data = new ModelData(model, model.ObservedData);
            var mu = result.GetValue(poiValue);
            var fit = mu is { } value ? MaximumLikelihood.FixedPoiFit(model, data, value) : MaximumLikelihood.Fit(model, data);
            var isFixed = (bool[])model.Config.SuggestedFixed.Clone();
            if (mu is not null)
            {
                isFixed[model.Config.PoiIndex] = true;
            }
            fit = MaximumLikelihood.WithUncertainties(model, data, fit, isFixed);
            var parameters = new JsonObject();
            var pulls = Pulls.Compute(model, fit);
            var n = model.Config.ParameterCount;
            for (var i = 0; i < n; i++)
            {
                parameters[model.Config.ParameterNames[i]] = new JsonObject
                {
                    ["value"] = StatsInput.Number(fit.BestFit[i]),
                    ["uncertainty"] = StatsInput.Number(fit.Uncertainties[i]),
                    ["fixed"] = isFixed[i],
                    ["pull"] = pulls.HasPull[i] ? StatsInput.Number(pulls.Values[i]) : null,
                    ["pull_uncertainty"] = pulls.HasPull[i] ? StatsInput.Number(pulls.Errors[i]) : null,
                };
            }
            var correlations = new JsonArray();
            for (var i = 0; i < n; i++)
            {
                correlations.Add((JsonNode)StatsInput.Numbers(fit.Correlations.Skip(i * n).Take(n)));
            }
            input.Write(result, context, new JsonObject
            {
                ["parameters"] = parameters,
                ["twice_nll"] = StatsInput.Number(fit.TwiceNll),
                ["converged"] = fit.Converged,
                ["covariance_valid"] = fit.CovarianceValid,
                ["message"] = fit.Message,
                ["poi"] = model.Config.PoiName,
                ["parameter_order"] = new JsonArray(model.Config.ParameterNames.Select(p => (JsonNode?)p).ToArray()),
                ["correlations"] = correlations,
            });
            return fit.Converged ? NeymanApp.Success : NeymanApp.NotConverged;
        }));
        return command;
    }
}
