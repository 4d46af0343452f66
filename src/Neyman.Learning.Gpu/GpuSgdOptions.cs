namespace Neyman.Learning.Gpu;

/// <summary>
/// Mini-batch SGD with momentum as PyTorch defines it (<c>v = momentum·v + g; θ -= rate·v</c>), over a
/// seeded shuffle of the rows each epoch.
/// </summary>
public sealed record GpuSgdOptions
{
    /// <summary>The learning rate.</summary>
    public float LearningRate { get; init; } = 0.05f;

    /// <summary>The momentum coefficient.</summary>
    public float Momentum { get; init; } = 0.9f;

    /// <summary>Rows per mini-batch (the last batch of an epoch may be shorter).</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Passes over the training rows.</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>Seed of the per-epoch shuffles.</summary>
    public ulong Seed { get; init; } = 1;
}
