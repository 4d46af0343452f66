using System.Diagnostics;
using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Stats.Inference;
using Neyman.Stats.Models;
using Neyman.Stats.Patching;
using Neyman.Stats.Workspaces;

// Plain timing harness for the statistics engine (not a test): run in Release,
//   dotnet run -c Release --project bench/Neyman.Bench.Stats -- ../shared/reference/histfactory
// and copy the lines it prints into bench/RESULTS.md.
var root = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "reference", "histfactory");
var regionB = Path.Combine(root, "published", "sbottom-RegionB");
var background = JsonNode.Parse(File.ReadAllText(Path.Combine(regionB, "BkgOnly.json")))!;
Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");

// 1. One hypotest (qtilde, mu = 1) on RegionB + sbottom_1400_550_60, in process, model already built.
var patched = Workspace.FromJson(JsonPatch.Load(Path.Combine(regionB, "patch.sbottom_1400_550_60.json")).Apply(background), "1400_550_60");
var model = HistFactoryModel.Build(patched);
var data = new ModelData(model, model.ObservedData);
var times = new List<double>();
HypothesisTestResult? result = null;
for (var rep = 0; rep < 25; rep++)
{
    var watch = Stopwatch.StartNew();
    result = new AsymptoticCalculator(model, data).Test(1.0);
    times.Add(watch.Elapsed.TotalMilliseconds);
}
times.Sort();
Console.WriteLine($"hypotest sbottom_1400_550_60 (qtilde, mu=1): first {times.Max():F2} ms, median of 25 {times[12]:F2} ms, CLs_obs {result!.CLs:R}");

// 1b. Same including JSON parse + patch + validation + model build.
var patchText = File.ReadAllText(Path.Combine(regionB, "patch.sbottom_1400_550_60.json"));
var backgroundText = File.ReadAllText(Path.Combine(regionB, "BkgOnly.json"));
times.Clear();
for (var rep = 0; rep < 15; rep++)
{
    var watch = Stopwatch.StartNew();
    var ws = Workspace.FromJson(JsonPatch.Parse(patchText, "p").Apply(JsonNode.Parse(backgroundText)!), "w");
    var m = HistFactoryModel.Build(ws);
    new AsymptoticCalculator(m, new ModelData(m, m.ObservedData)).Test(1.0);
    times.Add(watch.Elapsed.TotalMilliseconds);
}
times.Sort();
Console.WriteLine($"read + patch + build + hypotest: median of 15 {times[7]:F2} ms");

// 1c. Where the per-patch preparation goes.
{
    var patch = JsonPatch.Parse(patchText, "p");
    double Median(Action action)
    {
        var samples = new List<double>();
        for (var rep = 0; rep < 15; rep++)
        {
            var watch = Stopwatch.StartNew();
            action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return samples[7];
    }
    var appliedOnce = patch.Apply(background);
    var validated = Workspace.FromJson(appliedOnce, "w");
    Console.WriteLine($"per patch: parse background {Median(() => JsonNode.Parse(backgroundText)):F2} ms, apply patch (one deep copy) {Median(() => patch.Apply(background)):F2} ms, " +
        $"validate {Median(() => Workspace.FromJson(appliedOnce, "w")):F2} ms, build model {Median(() => HistFactoryModel.Build(validated)):F2} ms");
}

// 2. All RegionB patches, in parallel; the signal-free patch must fail alone.
var patches = Directory.GetFiles(regionB, "patch.*.json").OrderBy(p => p, StringComparer.Ordinal).ToArray();
for (var rep = 0; rep < 3; rep++)
{
    var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
    var watch = Stopwatch.StartNew();
    Parallel.ForEach(patches, path =>
    {
        try
        {
            var ws = Workspace.FromJson(JsonPatch.Load(path).Apply(background), path);
            var m = HistFactoryModel.Build(ws);
            new AsymptoticCalculator(m, new ModelData(m, m.ObservedData)).Test(1.0);
        }
        catch (Exception e) when (e is InputException or NonConvergenceException)
        {
            failures.Add(Path.GetFileName(path) + ": " + e.Message);
        }
    });
    Console.WriteLine($"all {patches.Length} RegionB patches: {watch.Elapsed.TotalSeconds:F3} s, {patches.Length - failures.Count} succeeded; failed: {string.Join(" | ", failures)}");
}

// 3. 10,000 toys per hypothesis on the 1-bin shapesys case (q0, as the toy validation case).
var toyWorkspace = Workspace.Load(Path.Combine(root, "validation_specs", "validation_1bin_shapesys_q0_mu1_toys.json"));
var toyModel = HistFactoryModel.Build(toyWorkspace, null, ModelOptions.RootValidation);
for (var rep = 0; rep < 3; rep++)
{
    var watch = Stopwatch.StartNew();
    var toys = new ToyCalculator(toyModel, new ModelData(toyModel, toyModel.ObservedData), TestStatisticKind.Q0, 10_000, seed: 1).Test(0.0);
    Console.WriteLine($"10,000 toys x 2 hypotheses (1-bin shapesys, q0): {watch.Elapsed.TotalSeconds:F3} s, p0 {toys.CLs:R}");
}
