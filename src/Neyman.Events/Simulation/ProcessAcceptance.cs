namespace Neyman.Events.Simulation;

/// <summary>
/// How many attempts of one process were simulated up to the last event used, and how many of them passed the
/// selection.
/// </summary>
/// <param name="Process">The process name, such as "signal" or "background".</param>
/// <param name="Attempts">Attempts up to and including the last event written.</param>
/// <param name="Accepted">Events written (all of them passed the selection).</param>
public sealed record ProcessAcceptance(string Process, long Attempts, long Accepted)
{
    /// <summary>The fraction of attempts that passed the selection (0 when nothing was attempted).</summary>
    public double Acceptance => Attempts == 0 ? 0 : (double)Accepted / Attempts;
}
