namespace Neyman.Events.Simulation;

/// <summary>The outcome of a generator run: the number of events written and the acceptance of each process.</summary>
/// <param name="Events">Rows written.</param>
/// <param name="Processes">One entry per process (signal, background).</param>
public sealed record GenerationSummary(long Events, IReadOnlyList<ProcessAcceptance> Processes);
