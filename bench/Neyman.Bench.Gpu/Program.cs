using System.Diagnostics;
using System.Globalization;
using Neyman.Bench.Gpu;
using Neyman.Learning.Gpu;

// Usage: Neyman.Bench.Gpu [--rows 1000000] [--batches 1024,100] [--backend cuda|cpu|auto] [--write-data DIR]
// Trains 28-300-300-300-1 tanh with SGD (lr 0.05, momentum 0.9) for one epoch on 80% of the rows,
// per batch size, and prints one JSON line per run (train samples/s, inference rows/s, test AUC).
var rows = 1_000_000;
var batches = new[] { 1024, 100 };
var backend = GpuBackend.Auto;
string? dataFolder = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows": rows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--batches": batches = args[++i].Split(',').Select(b => int.Parse(b, CultureInfo.InvariantCulture)).ToArray(); break;
        case "--backend": backend = Enum.Parse<GpuBackend>(args[++i], ignoreCase: true); break;
        case "--write-data": dataFolder = args[++i]; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

var (x, y) = SyntheticData.Generate(rows, seed: 42);
var train = (int)(rows * 0.8);
var d = SyntheticData.Features;
var mean = new double[d];
var sd = new double[d];
for (var f = 0; f < d; f++)
{
    for (var r = 0; r < train; r++) { mean[f] += x[r * d + f]; }
    mean[f] /= train;
    for (var r = 0; r < train; r++) { sd[f] += Math.Pow(x[r * d + f] - mean[f], 2); }
    sd[f] = Math.Sqrt(sd[f] / train) + 1e-6;
}
for (var r = 0; r < rows; r++)
{
    for (var f = 0; f < d; f++) { x[r * d + f] = (float)((x[r * d + f] - mean[f]) / sd[f]); }
}
var xTrain = x[..(train * d)];
var yTrain = y[..train];
var xTest = x[(train * d)..];
var yTest = y[train..];
if (dataFolder is not null)
{
    Directory.CreateDirectory(dataFolder);
    SyntheticData.WriteRaw(Path.Combine(dataFolder, "x_train.f32"), xTrain);
    SyntheticData.WriteRaw(Path.Combine(dataFolder, "y_train.f32"), yTrain);
    SyntheticData.WriteRaw(Path.Combine(dataFolder, "x_test.f32"), xTest);
    SyntheticData.WriteRaw(Path.Combine(dataFolder, "y_test.f32"), yTest);
}

using var trainer = GpuMlpTrainer.Create(backend);
var spec = new GpuMlpSpec(d, [300, 300, 300], GpuActivation.Tanh);
// Warm-up: compiles every kernel and touches the allocator, outside the timed runs.
trainer.Train(GpuMlpParameters.Initialize(spec, 7), xTrain[..(2048 * d)], yTrain[..2048], null, new GpuSgdOptions { BatchSize = 1024 });
foreach (var batch in batches)
{
    var options = new GpuSgdOptions { LearningRate = 0.05f, Momentum = 0.9f, BatchSize = batch, Epochs = 1, Seed = 1 };
    var seconds = 0.0;
    var trained = trainer.Train(GpuMlpParameters.Initialize(spec, 1), xTrain, yTrain, null, options, s => seconds = s);
    var clock = Stopwatch.StartNew();
    var scores = trainer.Predict(trained, xTest);
    var predictSeconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{{\"engine\":\"neyman-ilgpu\",\"device\":\"{trainer.DeviceName}\",\"batch\":{batch},\"n_train\":{train},\"train_s\":{seconds:F3}," +
        $"\"train_samples_per_s\":{train / seconds:F0},\"predict_rows_per_s\":{yTest.Length / predictSeconds:F0},\"test_auc\":{SyntheticData.Auc(scores, yTest):F5}}}"));
}
return 0;
