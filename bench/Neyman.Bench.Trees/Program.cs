using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Neyman.Events.IO;
using Neyman.Events.Simulation;
using Neyman.Events.Tables;
using Neyman.Learning.Training;
using Neyman.Learning.Trees;

// Plain timing harness for the boosted trees (not a test); run in Release:
//   dotnet run -c Release --project bench/Neyman.Bench.Trees -- --events 1000000 --trees 100 --depth 6 --threads 2 [--leaves 63]
//     [--csv events.csv]      also write the generated events for ../shared/peers/run_peers.py (same rows, last 20% test)
//     [--data events.parquet] read events instead of generating them; [--seed S] the generator's seed
//     [--test-frac F] the last fraction F of the rows is the test set (default 0.2)
//     [--flat m_bb]           also train the flat objective with that uniform feature and compare background CvM
//                             ([--flat-coefficient C] [--flat-bins B] or [--flat-neighbors K] for the kNN term)
//     [--gradient-levels L]  quantized training (BoostingOptions.GradientLevels; 0 exact)
//     [--predict-repeats R]   time prediction R times and report the median
//     [--save-model FILE] [--load-model FILE]  keep the trained model, or predict with a saved one instead of training
//     [--peer lightgbm]       also train LightGBM (ML.NET) on the same rows with the same settings, one more JSON line
// It prints one JSON line: train seconds, seconds per tree, predict seconds per 1M rows, test AUC, peak working set.
var settings = new Dictionary<string, string>();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    settings[args[i].TrimStart('-')] = args[i + 1];
}

string Get(string name, string fallback) => settings.TryGetValue(name, out var v) ? v : fallback;
var events = long.Parse(Get("events", "200000"), CultureInfo.InvariantCulture);
var threads = int.Parse(Get("threads", "2"), CultureInfo.InvariantCulture);
var options = new BoostingOptions
{
    TreeCount = int.Parse(Get("trees", "100"), CultureInfo.InvariantCulture),
    MaxDepth = int.Parse(Get("depth", "6"), CultureInfo.InvariantCulture),
    MaxLeaves = int.Parse(Get("leaves", "0"), CultureInfo.InvariantCulture),
    LearningRate = double.Parse(Get("eta", "0.1"), CultureInfo.InvariantCulture),
    GradientLevels = int.Parse(Get("gradient-levels", "0"), CultureInfo.InvariantCulture),
    Threads = threads,
};

EventTable table;
if (settings.TryGetValue("data", out var dataPath))
{
    // The generator writes float32 features; a CSV comes back as float64, so narrow it to compare like with like.
    table = EventFile.Read(dataPath);
    table = new EventTable(table.Columns.Select(c => c.Name is "label" or "weight" || c.Type == ColumnType.Float32
        ? c
        : EventColumn.Float32(c.Name, c.ToFloat32Array())));
}
else
{
    var chunks = new List<EventTable>();
    new HiggsGenerator(new HiggsOptions(), ulong.Parse(Get("seed", "1"), CultureInfo.InvariantCulture)).Generate(events, chunks.Add, maxDegreeOfParallelism: threads);
    table = EventTable.Concatenate(chunks);
}

if (settings.TryGetValue("csv", out var csv))
{
    EventFile.Write(csv, table);
}

var n = table.RowCount;
var trainCount = n - (int)(n * double.Parse(Get("test-frac", "0.2"), CultureInfo.InvariantCulture));
var training = table.Slice(0, trainCount);
var test = table.Slice(trainCount, n - trainCount);
var columns = new BoostingColumns(Weight: null);
GC.Collect();
var watch = Stopwatch.StartNew();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var loadPath = Get("load-model", "");
var result = loadPath.Length > 0
    ? new BoostingResult((BoostedTreesModel)Neyman.Learning.Models.ModelFile.Load(loadPath), ValidationMetric.Auc, [], [], options.TreeCount)
    : GradientBoosting.Train(training, options, columns);
var trainCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
var trainSeconds = watch.Elapsed.TotalSeconds;
var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
if (Get("save-model", "") is { Length: > 0 } savePath)
{
    BoostedTreesModelFile.Save(result.Model, savePath);
}

result.Model.Predict(test.Slice(0, Math.Min(1000, test.RowCount)), parallel);
// The median of --predict-repeats runs (default 1).
var predictTimes = new List<double>();
EventTable scores = test;
for (var repeat = 0; repeat < int.Parse(Get("predict-repeats", "1"), CultureInfo.InvariantCulture); repeat++)
{
    watch.Restart();
    scores = result.Model.Predict(test, parallel);
    predictTimes.Add(watch.Elapsed.TotalSeconds);
}

var predictSeconds = predictTimes.Order().ElementAt(predictTimes.Count / 2);
var score = new double[test.RowCount];
scores["score"].CopyTo(score);
var label = new double[test.RowCount];
test["label"].CopyTo(label);
var auc = ValidationMetrics.Auc(score, label, Enumerable.Repeat(1.0, test.RowCount).ToArray());
Console.WriteLine(new JsonObject
{
    ["model"] = options.MaxLeaves > 0 ? "neyman-leafwise" : "neyman",
    ["train_rows"] = trainCount,
    ["trees"] = options.TreeCount,
    ["depth"] = options.MaxDepth,
    ["leaves"] = options.MaxLeaves,
    ["threads"] = threads,
    ["train_seconds"] = Math.Round(trainSeconds, 3),
    ["train_cpu_seconds"] = Math.Round(trainCpuSeconds, 3),
    ["seconds_per_tree"] = Math.Round(trainSeconds / options.TreeCount, 4),
    ["predict_seconds_per_1M"] = Math.Round(predictSeconds * 1e6 / test.RowCount, 3),
    ["test_auc"] = Math.Round(auc, 6),
    ["peak_working_set_mb"] = Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20),
}.ToJsonString());

if (Get("peer", "") == "lightgbm")
{
    GC.Collect();
    var (lgbTrain, lgbPredict, lgbScores) = Neyman.Bench.Trees.LightGbmPeer.Run(
        training, test, options.TreeCount, options.MaxDepth, options.MaxLeaves, options.LearningRate, threads);
    Console.WriteLine(new JsonObject
    {
        ["model"] = "lightgbm-mlnet",
        ["train_rows"] = trainCount,
        ["trees"] = options.TreeCount,
        ["threads"] = threads,
        ["train_seconds"] = Math.Round(lgbTrain, 3),
        ["seconds_per_tree"] = Math.Round(lgbTrain / options.TreeCount, 4),
        ["predict_seconds_per_1M"] = Math.Round(lgbPredict * 1e6 / test.RowCount, 3),
        ["test_auc"] = Math.Round(ValidationMetrics.Auc(lgbScores.Select(x => (double)x).ToArray(), label, Enumerable.Repeat(1.0, test.RowCount).ToArray()), 5),
    }.ToJsonString());
}

if (settings.TryGetValue("flat", out var uniform))
{
    var flatOptions = options with
    {
        Objective = BoostingObjectiveKind.Flat,
        Flatness = new FlatnessOptions
        {
            UniformFeatures = [uniform],
            Coefficient = double.Parse(Get("flat-coefficient", "10"), CultureInfo.InvariantCulture),
            BinCount = int.Parse(Get("flat-bins", "10"), CultureInfo.InvariantCulture),
            Neighbors = int.Parse(Get("flat-neighbors", "0"), CultureInfo.InvariantCulture),
            Power = double.Parse(Get("flat-power", "2"), CultureInfo.InvariantCulture),
        },
    };
    var flatModel = GradientBoosting.Train(training, flatOptions, columns).Model;
    var flatScore = new double[test.RowCount];
    flatModel.Predict(test, parallel)["score"].CopyTo(flatScore);
    var mass = new double[test.RowCount];
    test[uniform].CopyTo(mass);
    var background = Enumerable.Range(0, test.RowCount).Where(i => label[i] == 0).ToArray();
    double Cvm(double[] s) => FlatnessMetrics.Cvm(
        background.Select(i => s[i]).ToArray(), background.Select(i => mass[i]).ToArray(), Enumerable.Repeat(1.0, background.Length).ToArray(), 10);
    var ones = Enumerable.Repeat(1.0, test.RowCount).ToArray();
    Console.WriteLine(new JsonObject
    {
        ["check"] = "flatness",
        ["uniform_feature"] = uniform,
        ["plain_auc"] = Math.Round(auc, 5),
        ["plain_background_cvm"] = Cvm(score),
        ["flat_auc"] = Math.Round(ValidationMetrics.Auc(flatScore, label, ones), 5),
        ["flat_background_cvm"] = Cvm(flatScore),
    }.ToJsonString());
}
