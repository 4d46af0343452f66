using System.Diagnostics;
using System.Globalization;
using Neyman.Events.Simulation;
using Neyman.Events.Tables;
using Neyman.Learning.Evaluation;
using Neyman.Learning.Networks;
using Neyman.Learning.Trees;

namespace Neyman.Bench.Networks;

/// <summary>
/// The Baldi, Sadowski and Whiteson (2014) comparison on our simulation: deep networks on the 21 low-level
/// and on all 28 features, a shallow network and boosted trees on the low-level features, test AUC of each;
/// and a network against the exact likelihood ratio on the gaussian benchmark.
/// </summary>
internal static class PaperBenchmark
{
    // The seed of the events unless another is given.
    private const ulong EventSeed = 20140219;

    // The objects of the HIGGS low-level features, for the invariant-mass layer.
    private static readonly string[] HiggsObjects = ["lepton", "missing_energy", "jet1", "jet2", "jet3", "jet4"];

    public static void Run(int events, int epochs, int threadsPerModel, int deepLayers, ulong seed = EventSeed)
    {
        var watch = Stopwatch.StartNew();
        var table = Generate(events, seed);
        var lowLevel = HiggsColumns.Features.Take(21).ToArray();
        var all = HiggsColumns.Features.ToArray();
        var (training, validation, test) = Split(table);
        Console.WriteLine(Json($"{{\"generated\":{table.RowCount},\"seconds\":{watch.Elapsed.TotalSeconds:F1}}}"));
        var deep = Enumerable.Repeat(300, deepLayers).ToArray();
        var jobs = new (string Name, Func<double> Run)[]
        {
            ($"deep {deepLayers}x300 + mass layer, 28 features", () => Network(training, validation, test, all, deep, epochs, threadsPerModel, masses: true)),
            ($"deep {deepLayers}x300 + mass layer, 21 low-level", () => Network(training, validation, test, lowLevel, deep, epochs, threadsPerModel, masses: true)),
            ($"deep {deepLayers}x300, 28 features", () => Network(training, validation, test, all, deep, epochs, threadsPerModel)),
            ($"deep {deepLayers}x300, 21 low-level", () => Network(training, validation, test, lowLevel, deep, epochs, threadsPerModel)),
            ("shallow 1x1000, 21 low-level", () => Network(training, validation, test, lowLevel, [1000], epochs, threadsPerModel)),
            ("boosted trees, 21 low-level", () => Trees(training, validation, test, lowLevel, threadsPerModel)),
            ("boosted trees, 28 features", () => Trees(training, validation, test, all, threadsPerModel)),
        };
        // As many models at once as the cores hold at the given threads per model.
        var parallel = Math.Max(1, Environment.ProcessorCount / Math.Max(1, threadsPerModel));
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(parallel, jobs.Length) }, job =>
        {
            var start = Stopwatch.StartNew();
            var auc = job.Run();
            Console.WriteLine(Json($"{{\"model\":\"{job.Name}\",\"test_auc\":{auc:F5},\"seconds\":{start.Elapsed.TotalSeconds:F0}}}"));
        });
        Gaussian(Math.Min(events, 400_000), threadsPerModel);
    }

    /// <summary>
    /// One deep network's learning curve on `generate higgs` events (validation AUC per epoch, then test AUC): how far
    /// longer training takes the network on the low-level (21) or all (28) features.
    /// </summary>
    public static void Curve(int events, int epochs, int batch, int threads, int featureCount, int deepLayers, double learningRate, int massCombinations)
    {
        var table = Generate(events);
        var features = HiggsColumns.Features.Take(featureCount).ToArray();
        var (training, validation, test) = Split(table);
        var options = new NetworkTrainingOptions
        {
            HiddenLayers = Enumerable.Repeat(300, deepLayers).ToArray(), Activation = ActivationKind.Tanh, Optimizer = OptimizerKind.Adam,
            LearningRate = learningRate, Schedule = LearningRateScheduleKind.Cosine, MinimumLearningRate = 1e-5, BatchSize = batch,
            Epochs = epochs, Seed = 7, Threads = threads,
            MassObjects = massCombinations > 0 ? HiggsObjects : null, MassCombinations = Math.Max(1, massCombinations),
        };
        var start = Stopwatch.StartNew();
        var (model, _) = NetworkModelTrainer.Train(training, validation, new NetworkColumns(features, Weight: EventTable.WeightColumn),
            NetworkTask.BinaryClassifier, options,
            e => Console.WriteLine(Json($"{{\"features\":{featureCount},\"epoch\":{e.Epoch},\"training_loss\":{e.TrainingLoss:F5},\"validation_auc\":{e.ValidationAuc:F5},\"seconds\":{start.Elapsed.TotalSeconds:F0}}}")));
        Console.WriteLine(Json($"{{\"features\":{featureCount},\"test_auc\":{Auc(model.Predict(test)["score"].Float32Values, test):F5},\"seconds\":{start.Elapsed.TotalSeconds:F0}}}"));
    }

    // 75% training, 5% validation (early stopping), 20% test, in event order.
    private static (EventTable Training, EventTable Validation, EventTable Test) Split(EventTable table)
    {
        var validationStart = (int)(table.RowCount * 0.75);
        var testStart = (int)(table.RowCount * 0.8);
        return (table.Slice(0, validationStart), table.Slice(validationStart, testStart - validationStart), table.Slice(testStart, table.RowCount - testStart));
    }

    private static string Json(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static EventTable Generate(int events, ulong seed = EventSeed)
    {
        var chunks = new List<EventTable>();
        new HiggsGenerator(new HiggsOptions(), seed).Generate(events, chunk => { lock (chunks) { chunks.Add(chunk); } });
        return EventTable.Concatenate(chunks);
    }

    private static double Network(EventTable training, EventTable validation, EventTable test, string[] features, int[] layers, int epochs, int threads, bool masses = false)
    {
        var options = new NetworkTrainingOptions
        {
            HiddenLayers = layers, Activation = ActivationKind.Tanh, Optimizer = OptimizerKind.Adam, LearningRate = 1e-3,
            Schedule = LearningRateScheduleKind.Cosine, MinimumLearningRate = 1e-5, BatchSize = 256, Epochs = epochs,
            EarlyStoppingPatience = 4, Seed = 7, Threads = threads, MassObjects = masses ? HiggsObjects : null,
        };
        var columns = new NetworkColumns(features, Weight: EventTable.WeightColumn);
        var (model, result) = NetworkModelTrainer.Train(training, validation, columns, NetworkTask.BinaryClassifier, options,
            e => Console.WriteLine(Json($"{{\"layers\":\"{string.Join(',', layers)}{(masses ? "+masses" : "")}\",\"features\":{features.Length},\"epoch\":{e.Epoch},\"training_loss\":{e.TrainingLoss:F5},\"validation_auc\":{e.ValidationAuc:F5}}}")));
        return Auc(model.Predict(test)["score"].Float32Values, test);
    }

    private static double Trees(EventTable training, EventTable validation, EventTable test, string[] features, int threads)
    {
        var options = new BoostingOptions { TreeCount = 1000, LearningRate = 0.1, MaxDepth = 8, EarlyStoppingRounds = 30, Threads = threads };
        var result = GradientBoosting.Train(training, options, new BoostingColumns(features, Weight: EventTable.WeightColumn), validation);
        var scores = result.Model.Predict(test);
        return Auc(scores[scores.ColumnNames[0]].ToFloat32Array(), test);
    }

    private static void Gaussian(int events, int threads)
    {
        var chunks = new List<EventTable>();
        var generator = new GaussianGenerator(new GaussianOptions(), 11);
        generator.Generate(events, chunk => { lock (chunks) { chunks.Add(chunk); } });
        var (training, validation, test) = Split(EventTable.Concatenate(chunks));
        var options = new NetworkTrainingOptions
        {
            HiddenLayers = [64, 64, 64], Activation = ActivationKind.Tanh, Optimizer = OptimizerKind.Adam, LearningRate = 1e-3,
            Schedule = LearningRateScheduleKind.Cosine, BatchSize = 256, Epochs = 20, EarlyStoppingPatience = 4, Threads = threads,
        };
        var columns = new NetworkColumns(generator.FeatureNames, Weight: EventTable.WeightColumn);
        var (model, _) = NetworkModelTrainer.Train(training, validation, columns, NetworkTask.BinaryClassifier, options);
        var network = Auc(model.Predict(test)["score"].Float32Values, test);
        var exact = Auc(test[GaussianGenerator.TrueLlrColumn].ToFloat32Array(), test);
        Console.WriteLine(Json($"{{\"gaussian\":\"{generator.FeatureNames.Count} dimensions\",\"events\":{events},\"network_auc\":{network:F5},\"likelihood_ratio_auc\":{exact:F5},\"difference\":{exact - network:F5}}}"));
    }

    // The library's weighted AUC (ties count one half); the weight column is used when present.
    private static double Auc(float[] scores, EventTable test)
    {
        var weights = test.HasWeight ? test[EventTable.WeightColumn].ToFloat64Array() : [];
        return AreaUnderCurve.Compute(BinaryScores.Create(Array.ConvertAll(scores, s => (double)s), test[EventTable.LabelColumn].ToFloat64Array(), weights));
    }
}
