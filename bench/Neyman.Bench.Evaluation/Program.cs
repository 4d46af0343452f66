using System.Diagnostics;
using Neyman.Core;
using Neyman.Learning.Evaluation;

// Times the weighted AUC and the exact ADO on N weighted events (default 10 million) with float-like
// scores (many ties are avoided: scores are doubles with 53 random bits), median of several runs.
// Usage: dotnet run -c Release --project bench/Neyman.Bench.Evaluation -- [events] [runs]
var events = args.Length > 0 ? int.Parse(args[0]) : 10_000_000;
var runs = args.Length > 1 ? int.Parse(args[1]) : 5;
Console.WriteLine($"{events:N0} weighted events, {runs} runs, {Environment.ProcessorCount} logical cores, .NET {Environment.Version}");

var scores = new double[events];
var second = new double[events];
var labels = new double[events];
var weights = new double[events];
const int block = 1 << 16;
Parallel.For(0, (events + block - 1) / block, b =>
{
    var random = RandomStream.ForBlock(2024, 1, (ulong)b);
    for (var i = b * block; i < Math.Min(events, (b + 1) * block); i++)
    {
        labels[i] = random.NextBernoulli(0.5) ? 1 : 0;
        var x = random.NextGaussian() + labels[i];
        scores[i] = 1 / (1 + Math.Exp(-x));
        second[i] = x + 0.5 * random.NextGaussian();
        weights[i] = random.NextBernoulli(0.05) ? -0.2 : 0.5 + random.NextDouble();
    }
});

var sample = BinaryScores.Create(scores, labels, weights);
Time("validate (BinaryScores.Create)", () => BinaryScores.Create(scores, labels, weights).Count);
Time("AUC, float64 scores", () => AreaUnderCurve.Compute(sample));
Time("ADO exact, float64 scores", () => DiscriminantOrdering.Average(sample, second));
// Models write float32 scores (neyman predict): the sorts then use 32-bit keys.
var scores32 = scores.Select(x => (double)(float)x).ToArray();
var second32 = second.Select(x => (double)(float)x).ToArray();
var sample32 = BinaryScores.Create(scores32, labels, weights);
Time("AUC, float32 scores", () => AreaUnderCurve.Compute(sample32));
Time("ADO exact, float32 scores", () => DiscriminantOrdering.Average(sample32, second32));
Time("ADO sampled, 10M pairs", () => DiscriminantOrdering.AverageSampled(sample, second, 10_000_000, 1).Ado);

void Time(string name, Func<double> action)
{
    // Wall time, and the CPU time of the whole process (all threads): on a shared machine the CPU time
    // shows the work done even when the wall time is stretched by other processes.
    var times = new List<double>();
    var cpu = new List<double>();
    double value = 0;
    var process = Process.GetCurrentProcess();
    for (var r = 0; r < runs; r++)
    {
        GC.Collect();
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        value = action();
        times.Add(clock.Elapsed.TotalSeconds);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuStart).TotalSeconds);
    }
    times.Sort();
    cpu.Sort();
    Console.WriteLine($"{name,-34} wall median {times[times.Count / 2]:F3} s (min {times[0]:F3})  cpu median {cpu[cpu.Count / 2]:F3} s  value {value:G10}");
}
