namespace Neyman.Stats.Workspaces;

/// <summary>A channel (analysis region) of a workspace: a binned distribution made of samples.</summary>
/// <param name="Name">The channel name, unique in the workspace.</param>
/// <param name="Samples">The samples in the order written.</param>
public sealed record ChannelSpec(string Name, IReadOnlyList<SampleSpec> Samples)
{
    /// <summary>The number of bins (the length of every sample's data).</summary>
    public int BinCount => Samples.Count == 0 ? 0 : Samples[0].Data.Count;
}
