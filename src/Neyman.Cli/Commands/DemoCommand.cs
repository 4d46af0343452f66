using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Events.Histograms;
using Neyman.Events.IO;

namespace Neyman.Cli.Commands;

/// <summary>
/// <c>neyman demo --output DIR</c>: the whole chain on built-in data. Simulates training and test
/// events of the HIGGS benchmark, trains boosted trees, scores and evaluates them (report.html,
/// metrics.json, charts), builds a HistFactory workspace from the score distributions and computes
/// the expected CLs upper limit on the signal strength. Each step is the corresponding verb, run in
/// process, so the folder holds exactly what those verbs would have written.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--output") { Description = "folder for everything the demo writes (created if missing)", DefaultValueFactory = _ => "neyman-demo" };
        var events = new Option<int>("--events") { Description = "training events to simulate (the test sample has half as many)", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<ulong>("--seed") { Description = "seed of the simulation and training", DefaultValueFactory = _ => 1 };
        var trees = new Option<int>("--trees") { Description = "boosting rounds", DefaultValueFactory = _ => 100 };
        var signal = new Option<double>("--signal-yield") { Description = "expected signal events (at signal strength 1) in the limit fit", DefaultValueFactory = _ => 50 };
        var background = new Option<double>("--background-yield") { Description = "expected background events in the limit fit", DefaultValueFactory = _ => 1000 };
        var command = new Command("demo", "Run the whole chain on built-in data: simulate, train boosted trees, evaluate, and set an expected CLs limit.")
        {
            output, events, seed, trees, signal, background,
        };
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var folder = result.GetValue(output)!;
            var count = result.GetValue(events);
            if (count < 1000)
            {
                throw new InputException($"got {count}; expected at least 1000 events", "--events");
            }
            var signalYield = result.GetValue(signal);
            var backgroundYield = result.GetValue(background);
            if (!(signalYield > 0) || !(backgroundYield > 0))
            {
                throw new InputException("expected positive signal and background yields", "--signal-yield/--background-yield");
            }
            Directory.CreateDirectory(folder);
            string In(string name) => Path.Combine(folder, name);
            var s = result.GetValue(seed).ToString(CultureInfo.InvariantCulture);
            var steps = new (string Title, string[] Arguments)[]
            {
                ("simulate training events", ["generate", "higgs", "--events", Text(count), "--seed", s, "--output", In("train.parquet")]),
                ("simulate test events", ["generate", "higgs", "--events", Text(count / 2), "--seed", s + "1", "--output", In("test.parquet")]),
                ("train boosted trees", ["train", "bdt", "--data", In("train.parquet"), "--label", "label", "--weight", "weight",
                    "--trees", Text(result.GetValue(trees)), "--output", In("bdt.json")]),
                ("score the test events", ["predict", "--model", In("bdt.json"), "--data", In("test.parquet"), "--output", In("scores.parquet")]),
                ("evaluate", ["evaluate", "--scores", In("scores.parquet"), "--output", In("report")]),
            };
            foreach (var (title, arguments) in steps)
            {
                Run(context, title, arguments);
            }
            var workspace = ScoreWorkspace(In("scores.parquet"), signalYield, backgroundYield);
            AtomicFile.WriteAllText(In("workspace.json"), workspace.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            Run(context, "expected CLs upper limit", ["upper-limit", In("workspace.json"), "--output-file", In("limit.json")]);
            context.Out.WriteLine($"demo: done; open {In(Path.Combine("report", "report.html"))} and {In("limit.json")}");
            return NeymanApp.Success;
        }));
        return command;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Run(CliContext context, string title, string[] arguments)
    {
        context.Out.WriteLine($"demo: {title}: neyman {string.Join(' ', arguments)}");
        var code = NeymanApp.Run(arguments, context.Out, context.Error, context.OpenStandardInput);
        if (code != NeymanApp.Success)
        {
            throw new InputException($"the step '{title}' failed with exit code {code} (see the message above)", "demo");
        }
    }

    /// <summary>
    /// A one-channel pyhf workspace over 10 bins of the classifier score: signal and background
    /// templates from the weighted test events, normalised to the given yields, a 10% background
    /// normalisation uncertainty, and background-only observed data (so the limit is the expected one).
    /// </summary>
    private static JsonObject ScoreWorkspace(string scoresPath, double signalYield, double backgroundYield)
    {
        var scores = EventFile.Read(scoresPath);
        var score = scores["score"].ToFloat64Array();
        var label = scores["label"].ToFloat64Array();
        var weight = scores.HasWeight ? scores["weight"].ToFloat64Array() : Enumerable.Repeat(1.0, score.Length).ToArray();
        var axis = new RegularAxis(10, score.Min(), score.Max() + 1e-9 * Math.Max(1, Math.Abs(score.Max())));
        var signal = Template(axis, score, label, weight, 1, signalYield);
        var background = Template(axis, score, label, weight, 0, backgroundYield);
        JsonArray Numbers(IEnumerable<double> values) => new(values.Select(v => (JsonNode)JsonValue.Create(Math.Round(v, 6))!).ToArray());
        return new JsonObject
        {
            ["channels"] = new JsonArray(new JsonObject
            {
                ["name"] = "bdt_score",
                ["samples"] = new JsonArray(
                    new JsonObject
                    {
                        ["name"] = "signal",
                        ["data"] = Numbers(signal),
                        ["modifiers"] = new JsonArray(new JsonObject { ["name"] = "mu", ["type"] = "normfactor", ["data"] = null }),
                    },
                    new JsonObject
                    {
                        ["name"] = "background",
                        ["data"] = Numbers(background),
                        ["modifiers"] = new JsonArray(new JsonObject
                        {
                            ["name"] = "background_normalisation",
                            ["type"] = "normsys",
                            ["data"] = new JsonObject { ["hi"] = 1.1, ["lo"] = 0.9 },
                        }),
                    }),
            }),
            ["observations"] = new JsonArray(new JsonObject { ["name"] = "bdt_score", ["data"] = Numbers(background) }),
            ["measurements"] = new JsonArray(new JsonObject
            {
                ["name"] = "demo",
                ["config"] = new JsonObject { ["poi"] = "mu", ["parameters"] = new JsonArray() },
            }),
            ["version"] = "1.0.0",
        };
    }

    private static double[] Template(RegularAxis axis, double[] score, double[] label, double[] weight, double wanted, double total)
    {
        var histogram = new Histogram(axis);
        for (var i = 0; i < score.Length; i++)
        {
            if (label[i] == wanted)
            {
                histogram.Fill(score[i], weight[i]);
            }
        }
        var sums = Enumerable.Range(1, axis.Bins).Select(b => Math.Max(histogram.Value(b), 0)).ToArray();
        var sum = sums.Sum();
        if (!(sum > 0))
        {
            throw new InputException($"no {(wanted == 1 ? "signal" : "background")} events with positive weight in the scores", "demo");
        }
        // Keep every bin strictly positive so the Poisson terms stay defined.
        return sums.Select(v => Math.Max(v / sum * total, 1e-3 * total / sums.Length)).ToArray();
    }
}
