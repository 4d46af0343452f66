namespace Neyman.Learning.Trees;

/// <summary>
/// Reusable memory for fitting bin mappers: the sort keys and weights of a quantile sample and the radix sort's
/// second buffers. One per thread serves every feature it fits, where fresh arrays for each feature would cost a
/// page fault per 4 KiB touched.
/// </summary>
internal sealed class QuantileScratch(int capacity)
{
    /// <summary>The order-preserving keys of the sample's values.</summary>
    public ulong[] Keys { get; private set; } = new ulong[capacity];

    /// <summary>The weights, moved along with the keys.</summary>
    public double[] Weights { get; private set; } = new double[capacity];

    /// <summary>The radix sort's second key buffer.</summary>
    public ulong[] KeyScratch { get; private set; } = new ulong[capacity];

    /// <summary>The radix sort's second weight buffer.</summary>
    public double[] WeightScratch { get; private set; } = new double[capacity];

    /// <summary>Makes room for <paramref name="count"/> values.</summary>
    /// <param name="count">The sample size.</param>
    public void Reserve(int count)
    {
        if (Keys.Length < count)
        {
            (Keys, Weights, KeyScratch, WeightScratch) = (new ulong[count], new double[count], new ulong[count], new double[count]);
        }
    }
}
