using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Neyman.Core;
using Neyman.Events.IO;
using Neyman.Events.Tables;
using Neyman.Learning.Evaluation;
using Neyman.Learning.Models;

namespace Neyman.Cli.Commands;

/// <summary>
/// <c>neyman compare --data FILE --reference COLUMN [--classifiers a,b] [--observables x,y|all]</c>: the average
/// decision ordering (ADO, arXiv:2010.11998) of other classifiers and of single observables with a reference
/// classifier, computed exactly over all weighted signal-background pairs (or sampled with --sampled-pairs).
/// Classifier scores are columns of the file, or come from --model files scored on it.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "events with 'label', optional 'weight', classifier score columns and observables", Required = true };
        var reference = new Option<string?>("--reference") { Description = "the reference classifier: a score column (default: the first --model)" };
        var classifiers = new Option<string?>("--classifiers") { Description = "comma-separated score columns to compare with the reference" };
        var models = new Option<string[]>("--model") { Description = "saved models to score --data with; each adds a column named after its file", AllowMultipleArgumentsPerToken = false };
        var observables = new Option<string?>("--observables") { Description = "comma-separated observables to rank by ADO with the reference, or 'all' for every other column" };
        var sampled = new Option<long>("--sampled-pairs") { Description = "estimate from this many random pairs instead of all pairs (0: exact)", DefaultValueFactory = _ => 0 };
        var seed = new Option<ulong>("--seed") { Description = "seed of the sampled estimate", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--output") { Description = "also write the results as JSON to this file" };
        var command = new Command("compare", "Compare classifiers and observables by their average decision ordering (ADO) with a reference classifier.")
        {
            data, reference, classifiers, models, observables, sampled, seed, output,
        };
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var dataPath = result.GetValue(data)!;
            var pairs = result.GetValue(sampled);
            if (pairs < 0)
            {
                throw new InputException($"got {pairs}; expected 0 (exact) or a positive number of pairs", "--sampled-pairs");
            }
            var table = EventFile.Read(dataPath);
            var modelColumns = new List<string>();
            foreach (var path in result.GetValue(models) ?? [])
            {
                var name = Path.GetFileNameWithoutExtension(path);
                var loaded = ModelFile.Load(path);
                ModelScoring.RequireOutput(loaded, "score", path);
                table = table.WithColumn(ModelScoring.Predict(loaded, table, dataPath)["score"].WithName(name));
                modelColumns.Add(name);
            }
            var referenceName = result.GetValue(reference) ?? modelColumns.FirstOrDefault()
                ?? throw new InputException("expected --reference COLUMN or at least one --model", "--reference");
            var others = modelColumns.Where(m => m != referenceName).Concat(Split(result.GetValue(classifiers))).Distinct().ToList();
            var observableNames = result.GetValue(observables) is "all"
                ? table.FeatureNames.Where(n => n != referenceName && !others.Contains(n)).ToList()
                : Split(result.GetValue(observables)).ToList();
            if (others.Count == 0 && observableNames.Count == 0)
            {
                throw new InputException("nothing to compare: expected --classifiers, --model or --observables", "--classifiers");
            }
            foreach (var name in others.Concat(observableNames))
            {
                if (!table.Contains(name))
                {
                    throw new InputException($"there is no column '{name}'; the columns are: {string.Join(", ", table.ColumnNames)}", dataPath, $"column '{name}'");
                }
            }
            var sample = BinaryScores.FromTable(table, referenceName, dataPath);
            var referenceAuc = AreaUnderCurve.Compute(sample);
            var seedValue = result.GetValue(seed);
            var rows = new List<(string Name, double Ado, double Error, double Auc)>();
            foreach (var name in others)
            {
                var values = table[name].ToFloat64Array();
                var auc = AreaUnderCurve.Compute(sample.WithScores(values, name));
                if (pairs > 0)
                {
                    var estimate = DiscriminantOrdering.AverageSampled(sample, values, pairs, seedValue, name);
                    rows.Add((name, estimate.Ado, estimate.StandardError, auc));
                }
                else
                {
                    rows.Add((name, DiscriminantOrdering.Average(sample, values, name), 0, auc));
                }
            }
            var ranking = ObservableOrdering.Rank(sample, observableNames.Select(n => (n, table[n].ToFloat64Array())).ToArray());

            var o = context.Out;
            o.WriteLine($"reference '{referenceName}': AUC {referenceAuc:F4}; {sample.SignalCount} signal x {sample.BackgroundCount} background events" +
                (pairs > 0 ? $", ADO from {pairs} sampled pairs (seed {seedValue})" : ", ADO over all weighted pairs"));
            if (rows.Count > 0)
            {
                o.WriteLine();
                o.WriteLine($"{"classifier",-24} {"ADO",10} {"AUC",8}");
                foreach (var (name, ado, error, auc) in rows)
                {
                    o.WriteLine($"{name,-24} {Format(ado, error),10} {auc,8:F4}");
                }
            }
            if (ranking.Count > 0)
            {
                o.WriteLine();
                o.WriteLine($"observables ranked by ADO with '{referenceName}' (oriented: max(ADO, 1 - ADO)):");
                o.WriteLine($"{"rank",4} {"observable",-24} {"ADO",8} {"AUC",8}  direction");
                for (var i = 0; i < ranking.Count; i++)
                {
                    var r = ranking[i];
                    o.WriteLine($"{i + 1,4} {r.Name,-24} {r.Ado,8:F4} {r.Auc,8:F4}  {(r.Reversed ? "reversed" : "same")}");
                }
            }
            if (result.GetValue(output) is { } jsonPath)
            {
                AtomicFile.WriteAllText(jsonPath, Json(referenceName, referenceAuc, pairs, rows, ranking));
            }
            return NeymanApp.Success;
        }));
        return command;
    }

    private static string Format(double ado, double error) =>
        error > 0 ? $"{ado.ToString("F4", CultureInfo.InvariantCulture)}±{error.ToString("F4", CultureInfo.InvariantCulture)}" : ado.ToString("F4", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Json(string reference, double referenceAuc, long pairs, List<(string Name, double Ado, double Error, double Auc)> rows, IReadOnlyList<ObservableOrdering> ranking)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("reference", reference);
            json.WriteNumber("reference_auc", referenceAuc);
            json.WriteNumber("sampled_pairs", pairs);
            json.WriteStartArray("classifiers");
            foreach (var (name, ado, error, auc) in rows)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteNumber("ado", ado);
                json.WriteNumber("ado_uncertainty", error);
                json.WriteNumber("auc", auc);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("observables");
            foreach (var r in ranking)
            {
                json.WriteStartObject();
                json.WriteString("name", r.Name);
                json.WriteNumber("ado", r.Ado);
                json.WriteBoolean("reversed", r.Reversed);
                json.WriteNumber("auc", r.Auc);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
