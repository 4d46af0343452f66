using System.CommandLine;
using Neyman.Core;
using Neyman.Events.IO;
using Neyman.Events.Tables;
using System.Text.Json.Nodes;
using Neyman.Learning.Models;
using Neyman.Learning.Trees;

namespace Neyman.Cli.Commands;

/// <summary>
/// <c>neyman predict --model M --data FILE --output scores.parquet</c>: scores events with any saved model; the
/// output holds the model's score columns and carries over the input's label and weight columns.
/// </summary>
internal static class PredictCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "saved model file (any kind: " + string.Join(", ", ModelFile.Kinds) + "; or an XGBoost Booster.save_model JSON file)", Required = true };
        var data = new Option<string>("--data") { Description = "events to score (.csv, .parquet, .h5)", Required = true };
        var output = new Option<string>("--output") { Description = "file to write the scores to; the format follows the extension", Required = true };
        var command = new Command("predict", "Score events with a trained model (score, or score_0..score_k for k classes).")
        {
            model, data, output,
        };
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var outputPath = result.GetValue(output)!;
            EventFile.FormatOf(outputPath);
            var loaded = Load(result.GetValue(model)!);
            var dataPath = result.GetValue(data)!;
            var events = EventFile.Read(dataPath, new EventReadOptions { AllowNonFinite = true });
            var scores = ModelScoring.Predict(loaded, events, dataPath);

            foreach (var carried in new[] { EventTable.LabelColumn, EventTable.WeightColumn })
            {
                if (events.TryGetColumn(carried, out var column) && !scores.Contains(carried))
                {
                    scores = scores.WithColumn(column);
                }
            }

            EventFile.Write(outputPath, scores);
            context.Out.WriteLine($"scored {events.RowCount} events with a {loaded.Kind} model; wrote {string.Join(", ", scores.ColumnNames)} to {outputPath}");
            return NeymanApp.Success;
        }));
        return command;
    }

    /// <summary>A Neyman model file of any kind, or an XGBoost JSON model (recognized by its "learner" object).</summary>
    private static IEventModel Load(string path)
    {
        if (File.Exists(path))
        {
            try
            {
                if (XGBoostModelImporter.IsXGBoostModel(JsonNode.Parse(File.ReadAllText(path))))
                {
                    return XGBoostModelImporter.Import(path);
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // ModelFile.Load reports the parse error with its position.
            }
        }

        return ModelFile.Load(path);
    }
}
