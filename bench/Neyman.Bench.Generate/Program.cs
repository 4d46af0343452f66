using System.Diagnostics;
using Neyman.Events.IO;
using Neyman.Events.Simulation;

// Generator throughput: `dotnet run -c Release --project bench/Neyman.Bench.Generate -- [events] [output.parquet] [chunk rows]`.
// Measures simulation alone (chunks discarded) and simulation written to Parquet, after a warm-up run of both.
// `... -- cli generate higgs --events N --seed 1 --output F` runs the `neyman` program in this process instead.
if (args.Length > 0 && args[0] == "cli")
{
    return Neyman.Cli.NeymanApp.Run(args[1..], Console.Out, Console.Error);
}
var events = args.Length > 0 ? long.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
var path = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "neyman-bench-generate.parquet");
var chunkRows = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1 << 16;
var generator = new HiggsGenerator(new HiggsOptions(), seed: 1);

// Warm-up: the simulation and the Parquet writer each run once before anything is timed.
generator.Generate(50_000, _ => { });
using (var warmUp = EventFile.OpenWriter(path, generator.Schema))
{
    generator.Generate(50_000, warmUp.WriteChunk, chunkRows, reuseChunks: true);
    warmUp.Complete();
}
var process = Process.GetCurrentProcess();
// The CPU time of the whole process (all threads) next to the wall time shows how well the two cores are used.
double Cpu()
{
    process.Refresh();
    return process.TotalProcessorTime.TotalSeconds;
}
// Minor page faults of the process (Linux): fresh memory costs about 10 us a page on the build machine.
long Faults() => File.Exists("/proc/self/stat")
    ? long.Parse(File.ReadAllText("/proc/self/stat").Split(") ")[1].Split(' ')[7], System.Globalization.CultureInfo.InvariantCulture)
    : 0;
string Collections() => $"GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB";
var cpu = Cpu();
var faults = Faults();
var watch = Stopwatch.StartNew();
var summary = generator.Generate(events, _ => { }, chunkRows, reuseChunks: true);
var simulate = watch.Elapsed.TotalSeconds;
var simulateCpu = Cpu() - cpu;
Console.WriteLine($"simulate only:    {events:N0} events in {simulate:F2} s (cpu {simulateCpu:F2} s, {Faults() - faults} page faults, {Collections()}) = {events / simulate:N0} events/s " +
    $"(acceptance signal {summary.Processes[0].Acceptance:F3}, background {summary.Processes[1].Acceptance:F3})");

cpu = Cpu();
faults = Faults();
watch.Restart();
using (var writer = EventFile.OpenWriter(path, generator.Schema))
{
    generator.Generate(events, writer.WriteChunk, chunkRows, reuseChunks: true);
    writer.Complete();
}
var write = watch.Elapsed.TotalSeconds;
var writeCpu = Cpu() - cpu;
Console.WriteLine($"simulate + write: {events:N0} events in {write:F2} s (cpu {writeCpu:F2} s, {Faults() - faults} page faults, {Collections()}) = {events / write:N0} events/s to {path} " +
    $"({new FileInfo(path).Length / 1e6:F1} MB)");
var chunks = new List<Neyman.Events.Tables.EventTable>();
generator.Generate(events, chunks.Add, chunkRows);
watch.Restart();
using (var writer = EventFile.OpenWriter(path, generator.Schema))
{
    chunks.ForEach(writer.WriteChunk);
    writer.Complete();
}
var writeOnly = watch.Elapsed.TotalSeconds;
Console.WriteLine($"write only:       {events:N0} events in {writeOnly:F2} s = {events / writeOnly:N0} events/s (Parquet, Snappy, one thread)");
return 0;
