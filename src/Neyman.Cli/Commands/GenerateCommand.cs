using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Events.IO;
using Neyman.Events.Simulation;
using Neyman.Events.Tables;

namespace Neyman.Cli.Commands;

/// <summary>
/// <c>neyman generate PROCESS --events N --seed S --output FILE</c>: simulates events of a built-in process
/// (<c>higgs</c> or <c>gaussian</c>) and writes them chunk by chunk; prints a one-line JSON summary.
/// </summary>
internal static class GenerateCommand
{
    private static readonly string[] Processes = ["higgs", "gaussian"];

    public static Command Create(CliContext context)
    {
        var process = new Argument<string>("PROCESS") { Description = "the process to simulate: higgs or gaussian" };
        var events = new Option<long>("--events") { Description = "number of events to write", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "random seed; the same seed gives the same file whatever the thread count", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "event file to write (.csv, .parquet/.pq, .h5/.hdf5)", Required = true };
        var signalFraction = new Option<double>("--signal-fraction") { Description = "expected fraction of signal events", DefaultValueFactory = _ => 0.5 };
        var threads = new Option<int>("--threads") { Description = "threads to use (default: all cores); the output does not depend on it", DefaultValueFactory = _ => -1 };
        var mass = new Option<double>("--mass") { Description = "higgs: heavy Higgs mass m(H0) in GeV, 300 to 700", DefaultValueFactory = _ => 425 };
        var jes = new Option<double>("--jet-energy-scale") { Description = "higgs: factor on jet energies (systematic knob)", DefaultValueFactory = _ => 1.0 };
        var jer = new Option<double>("--jet-energy-resolution") { Description = "higgs: factor on the jet energy resolution (systematic knob)", DefaultValueFactory = _ => 1.0 };
        var btag = new Option<double>("--btag-efficiency-scale") { Description = "higgs: factor on the b-tagging efficiency (systematic knob)", DefaultValueFactory = _ => 1.0 };
        var eventId = new Option<bool>("--event-id") { Description = "higgs: add an event_id column to match events across systematic variations" };
        var dimensions = new Option<int>("--dimensions") { Description = "gaussian: number of features d", DefaultValueFactory = _ => 4 };
        var components = new Option<int>("--components") { Description = "gaussian: normal components per class", DefaultValueFactory = _ => 2 };
        var separation = new Option<double>("--separation") { Description = "gaussian: distance between signal and background means", DefaultValueFactory = _ => 1.0 };
        var mixtureSeed = new Option<ulong>("--mixture-seed") { Description = "gaussian: seed of the densities (kept apart from --seed)", DefaultValueFactory = _ => 1UL };
        Option[] higgsOnly = [mass, jes, jer, btag, eventId];
        Option[] gaussianOnly = [dimensions, components, separation, mixtureSeed];
        var command = new Command("generate", "Simulate events: the HIGGS benchmark (higgs) or Gaussian mixtures with a known likelihood ratio (gaussian).")
        {
            process, events, seed, output, signalFraction, threads, mass, jes, jer, btag, eventId, dimensions, components, separation, mixtureSeed,
        };
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var name = result.GetValue(process)!;
            if (!Processes.Contains(name))
            {
                throw new InputException($"unknown process '{name}'; expected {string.Join(" or ", Processes)}", "PROCESS");
            }
            var count = result.GetValue(events);
            if (count <= 0)
            {
                throw new InputException($"got {count}; expected a positive number of events", "--events");
            }
            var threadCount = result.GetValue(threads);
            if (threadCount is 0 or < -1)
            {
                throw new InputException($"got {threadCount}; expected a positive number of threads", "--threads");
            }
            foreach (var option in name == "higgs" ? gaussianOnly : higgsOnly)
            {
                if (result.GetResult(option) is { Implicit: false })
                {
                    throw new InputException($"applies to the {(name == "higgs" ? "gaussian" : "higgs")} process only", option.Name);
                }
            }
            var path = result.GetValue(output)!;
            EventFile.FormatOf(path);
            var watch = Stopwatch.StartNew();
            GenerationSummary summary;
            if (name == "higgs")
            {
                var options = new HiggsOptions
                {
                    SignalFraction = result.GetValue(signalFraction),
                    HeavyHiggsMass = result.GetValue(mass),
                    JetEnergyScale = result.GetValue(jes),
                    JetEnergyResolutionScale = result.GetValue(jer),
                    BTagEfficiencyScale = result.GetValue(btag),
                    IncludeEventId = result.GetValue(eventId),
                };
                Check(options.Validate, command);
                var generator = new HiggsGenerator(options, result.GetValue(seed));
                // The writer is done with a chunk when WriteChunk returns, so the generator may fill the chunk's arrays again.
                summary = Write(path, generator.Schema, sink => generator.Generate(count, sink, maxDegreeOfParallelism: threadCount, reuseChunks: true));
            }
            else
            {
                var options = new GaussianOptions
                {
                    SignalFraction = result.GetValue(signalFraction),
                    Dimensions = result.GetValue(dimensions),
                    Components = result.GetValue(components),
                    Separation = result.GetValue(separation),
                    MixtureSeed = result.GetValue(mixtureSeed),
                };
                Check(options.Validate, command);
                var generator = new GaussianGenerator(options, result.GetValue(seed));
                summary = Write(path, generator.Schema, sink => generator.Generate(count, sink, maxDegreeOfParallelism: threadCount));
            }
            context.Out.WriteLine(Summary(name, summary, path, watch.Elapsed.TotalSeconds).ToJsonString());
            return NeymanApp.Success;
        }));
        return command;
    }

    // Options records report a bad setting by its property name; the user knows it by its flag.
    private static void Check(Action validate, Command command)
    {
        try
        {
            validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            var flag = e.ParamName switch
            {
                nameof(HiggsOptions.SignalFraction) => "--signal-fraction",
                nameof(HiggsOptions.HeavyHiggsMass) => "--mass",
                nameof(HiggsOptions.JetEnergyScale) => "--jet-energy-scale",
                nameof(HiggsOptions.JetEnergyResolutionScale) => "--jet-energy-resolution",
                nameof(HiggsOptions.BTagEfficiencyScale) => "--btag-efficiency-scale",
                nameof(GaussianOptions.Dimensions) => "--dimensions",
                nameof(GaussianOptions.Components) => "--components",
                nameof(GaussianOptions.Separation) => "--separation",
                _ => command.Name,
            };
            var value = Convert.ToString(e.ActualValue, CultureInfo.InvariantCulture);
            var expected = e.Message.Split(" (Parameter", 2)[0].Split(Environment.NewLine)[0];
            throw new InputException($"got {value}; {expected}", flag, inner: e);
        }
    }

    // The generators hand each chunk over on a thread of their own while they simulate the next; the file appears only
    // when complete.
    private static GenerationSummary Write(string path, IReadOnlyList<(string Name, ColumnType Type)> schema,
        Func<Action<EventTable>, GenerationSummary> generate)
    {
        using var writer = EventFile.OpenWriter(path, schema);
        var summary = generate(writer.WriteChunk);
        writer.Complete();
        return summary;
    }

    private static JsonObject Summary(string process, GenerationSummary summary, string path, double seconds)
    {
        var acceptance = new JsonObject();
        var attempts = new JsonObject();
        foreach (var p in summary.Processes)
        {
            acceptance[p.Process] = Math.Round(p.Acceptance, 6);
            attempts[p.Process] = p.Attempts;
        }
        var json = new JsonObject
        {
            ["process"] = process,
            ["events"] = summary.Events,
            ["output"] = path,
            ["seconds"] = Math.Round(seconds, 3),
        };
        if (process == "higgs")
        {
            json["acceptance"] = acceptance;
            json["attempts"] = attempts;
        }
        else
        {
            json["signal_events"] = summary.Processes[0].Accepted;
        }
        return json;
    }
}
