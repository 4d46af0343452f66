using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using Neyman.Core;
using Neyman.Core.Kernels;
using Neyman.Learning.Networks;

// Plain harness, one JSON line per measurement:
//   gemm  [threads]                       GFLOP/s of the packed GEMM on MLP shapes (forward, dX, dW)
//   train [rows] [batch] [threads]        one epoch of 28-300-300-300-1 tanh SGD (the PyTorch peer's setting)
//   infer [rows] [threads]                forward pass of the same network, rows per second
//   paper [events] [epochs] [threads per model] [deep layers] [event seed]   Baldi et al. comparison on `generate higgs` events
//   curve [events] [epochs] [batch] [threads] [features 21|28] [deep layers] [learning rate] [mass combinations, 0 for none]   one deep network's learning curve
var mode = args.Length > 0 ? args[0] : "gemm";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
Console.WriteLine($"{{\"vector512\":{Vector512.IsHardwareAccelerated.ToString().ToLowerInvariant()},\"cores\":{Environment.ProcessorCount}}}");
switch (mode)
{
    case "gemm":
        Gemms(Arg(1, 1));
        break;
    case "train":
        Train(Arg(1, 800_000), Arg(2, 1024), Arg(3, 2));
        break;
    case "paper":
        Neyman.Bench.Networks.PaperBenchmark.Run(Arg(1, 1_000_000), Arg(2, 10), Arg(3, 3), Arg(4, 4), (ulong)Arg(5, 20140219));
        break;
    case "curve":
        Neyman.Bench.Networks.PaperBenchmark.Curve(Arg(1, 1_000_000), Arg(2, 40), Arg(3, 1024), Arg(4, 2), Arg(5, 21), Arg(6, 4),
            args.Length > 7 ? double.Parse(args[7], CultureInfo.InvariantCulture) : 1e-3, Arg(8, 0));
        break;
    case "infer":
        Infer(Arg(1, 1_000_000), Arg(2, 2));
        break;
    default:
        Console.Error.WriteLine("usage: gemm [threads] | train [rows] [batch] [threads] | infer [rows] [threads]");
        return 2;
}
return 0;

static float[] Fill(int count, ulong seed)
{
    var random = new RandomStream(seed);
    var values = new float[count];
    for (var i = 0; i < count; i++)
    {
        values[i] = (float)random.NextGaussian();
    }
    return values;
}

static void Gemms(int threads)
{
    // (name, transA, transB, m, n, k): forward Y = X·W, backward dX = dY·Wᵀ and dW = Xᵀ·dY at batch 100 and 1024.
    (string, bool, bool, int, int, int)[] shapes =
    [
        ("fwd b1024 300x300", false, false, 1024, 300, 300), ("dX b1024 300x300", false, true, 1024, 300, 300),
        ("dW b1024 300x300", true, false, 300, 300, 1024), ("fwd b100 300x300", false, false, 100, 300, 300),
        ("dW b100 300x300", true, false, 300, 300, 100), ("fwd b1024 28x300", false, false, 1024, 300, 28),
        ("square 512", false, false, 512, 512, 512),
    ];
    foreach (var (name, ta, tb, m, n, k) in shapes)
    {
        var a = Fill(m * k, 1);
        var b = Fill(k * n, 2);
        var c = new float[m * n];
        var lda = ta ? m : k;
        var ldb = tb ? k : n;
        var flops = 2.0 * m * n * k;
        var repeats = (int)Math.Max(20, 4e9 / flops);
        // Warm up for half a second so the measured code is the fully optimized tier.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 0.5)
        {
            Gemm.Multiply(ta, tb, m, n, k, a, 0, lda, b, 0, ldb, c, 0, n, 0f, threads);
        }
        var best = double.MaxValue;
        for (var trial = 0; trial < 3; trial++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < repeats; i++)
            {
                Gemm.Multiply(ta, tb, m, n, k, a, 0, lda, b, 0, ldb, c, 0, n, 0f, threads);
            }
            best = Math.Min(best, watch.Elapsed.TotalSeconds / repeats);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"gemm\":\"{name}\",\"threads\":{threads},\"gflops\":{flops / best / 1e9:F1}}}"));
    }
}

static NetworkDataset Higgsish(int rows, ulong seed)
{
    var random = new RandomStream(seed);
    var features = new float[rows * 28];
    var labels = new float[rows];
    var weights = new float[rows];
    for (var e = 0; e < rows; e++)
    {
        labels[e] = e % 2;
        weights[e] = 1;
        for (var f = 0; f < 28; f++)
        {
            features[e * 28 + f] = (float)(random.NextGaussian() + 0.1 * labels[e] * (f % 3));
        }
    }
    return new NetworkDataset(features, 28, labels, 1, weights);
}

static void Train(int rows, int batch, int threads)
{
    var data = Higgsish(rows, 3);
    var options = new NetworkTrainingOptions
    {
        HiddenLayers = [300, 300, 300], Activation = ActivationKind.Tanh, Optimizer = OptimizerKind.Sgd, LearningRate = 0.05,
        Momentum = 0.9, BatchSize = batch, Epochs = 1, Threads = threads,
    };
    NetworkTrainer.Train(Higgsish(Math.Min(rows, 20 * batch), 4), null, 1, options);
    var watch = Stopwatch.StartNew();
    var result = NetworkTrainer.Train(data, null, 1, options);
    var seconds = watch.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{{\"train\":\"28-300-300-300-1 tanh sgd\",\"rows\":{rows},\"batch\":{batch},\"threads\":{threads},\"seconds\":{seconds:F2},\"samples_per_second\":{rows / seconds:F0},\"loss\":{result.History[0].TrainingLoss:F4}}}"));
}

static void Infer(int rows, int threads)
{
    var network = new MultilayerPerceptron(28, [300, 300, 300], ActivationKind.Tanh, 1);
    network.Initialize(InitializationKind.Automatic, 1);
    var model = new NetworkModel(NetworkTask.BinaryClassifier, [.. Enumerable.Range(0, 28).Select(i => $"f{i}")], [],
        new FeatureStandardization(new float[28], [.. Enumerable.Repeat(1f, 28)]), network) { PredictionThreads = threads };
    var inputs = Higgsish(rows, 5).Features;
    model.Score(inputs, Math.Min(rows, 50_000));
    var watch = Stopwatch.StartNew();
    model.Score(inputs, rows);
    var seconds = watch.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{{\"infer\":\"28-300-300-300-1 tanh\",\"rows\":{rows},\"threads\":{threads},\"seconds\":{seconds:F2},\"rows_per_second\":{rows / seconds:F0}}}"));
}
