using System.Diagnostics;
using Neyman.Events.IO;
using Neyman.Events.Simulation;

// Generator throughput: `dotnet run -c Release --project bench/Neyman.Bench.Generate -- [events] [output.parquet] [chunk rows]`.
// Measures simulation alone (chunks discarded) and simulation written to Parquet, each after a warm-up run.
// `... -- cli generate higgs --events N --seed 1 --output F` runs the `neyman` program in this process instead.
if (args.Length > 0 && args[0] == "cli")
{
    return Neyman.Cli.NeymanApp.Run(args[1..], Console.Out, Console.Error);
}
var events = args.Length > 0 ? long.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
var path = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "neyman-bench-generate.parquet");
var chunkRows = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1 << 18;
var generator = new HiggsGenerator(new HiggsOptions(), seed: 1);

generator.Generate(50_000, _ => { });
var process = Process.GetCurrentProcess();
// The CPU time of the whole process (all threads) next to the wall time shows how well the two cores are used.
double Cpu()
{
    process.Refresh();
    return process.TotalProcessorTime.TotalSeconds;
}
var cpu = Cpu();
var watch = Stopwatch.StartNew();
var summary = generator.Generate(events, _ => { }, chunkRows);
var simulate = watch.Elapsed.TotalSeconds;
var simulateCpu = Cpu() - cpu;
Console.WriteLine($"simulate only:    {events:N0} events in {simulate:F2} s (cpu {simulateCpu:F2} s) = {events / simulate:N0} events/s " +
    $"(acceptance signal {summary.Processes[0].Acceptance:F3}, background {summary.Processes[1].Acceptance:F3})");

cpu = Cpu();
watch.Restart();
using (var writer = EventFile.OpenWriter(path, generator.Schema))
{
    generator.Generate(events, writer.WriteChunk, chunkRows);
    writer.Complete();
}
var write = watch.Elapsed.TotalSeconds;
var writeCpu = Cpu() - cpu;
Console.WriteLine($"simulate + write: {events:N0} events in {write:F2} s (cpu {writeCpu:F2} s) = {events / write:N0} events/s to {path} " +
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
