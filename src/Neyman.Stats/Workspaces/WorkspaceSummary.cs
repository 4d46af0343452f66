using System.Text.Json.Nodes;
using Neyman.Stats.Models;

namespace Neyman.Stats.Workspaces;

/// <summary>A summary of a workspace like <c>pyhf inspect</c>: channels, samples, parameters, measurements.</summary>
public static class WorkspaceSummary
{
    /// <summary>The summary as JSON; the parameter section comes from the model of each measurement's first build.</summary>
    public static JsonObject Describe(Workspace workspace, ModelOptions? options = null)
    {
        var model = HistFactoryModel.Build(workspace, null, options);
        var modifiers = workspace.Channels.SelectMany(c => c.Samples).SelectMany(s => s.Modifiers)
            .Select(m => (m.Name, m.Type)).Distinct().OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        var parameters = new JsonArray();
        foreach (var set in model.Config.ParameterSets)
        {
            parameters.Add((JsonNode)new JsonObject
            {
                ["name"] = set.Name,
                ["count"] = set.Count,
                ["constraint"] = set.Constraint.ToString().ToLowerInvariant(),
                ["modifiers"] = new JsonArray(modifiers.Where(m => m.Name == set.Name).Select(m => (JsonNode?)m.Type).ToArray()),
            });
        }
        return new JsonObject
        {
            ["channels"] = new JsonArray(workspace.Channels.OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => (JsonNode?)new JsonObject { ["name"] = c.Name, ["bins"] = c.BinCount, ["samples"] = c.Samples.Count }).ToArray()),
            ["samples"] = new JsonArray(workspace.Channels.SelectMany(c => c.Samples).Select(s => s.Name).Distinct().Order(StringComparer.Ordinal)
                .Select(s => (JsonNode?)s).ToArray()),
            ["parameters"] = parameters,
            ["modifiers"] = new JsonArray(modifiers.Select(m => (JsonNode?)new JsonObject { ["name"] = m.Name, ["type"] = m.Type }).ToArray()),
            ["measurements"] = new JsonArray(workspace.Measurements.Select(m => (JsonNode?)new JsonObject
            {
                ["name"] = m.Name,
                ["poi"] = m.Poi,
                ["parameters"] = new JsonArray(m.Parameters.Select(p => (JsonNode?)p.Name).ToArray()),
            }).ToArray()),
            ["observations"] = new JsonArray(workspace.Observations.Select(o => (JsonNode?)o.Name).ToArray()),
            ["number_of_parameters"] = model.Config.ParameterCount,
            ["number_of_bins"] = model.Config.MainBinCount,
        };
    }
}
