namespace Neyman.Learning.Trees;

/// <summary>
/// Bins float32 values with a table over the top 16 bits of an order-preserving integer key of the float (sign,
/// exponent and 7 mantissa bits: 128 buckets per octave). The table gives the number of thresholds in earlier
/// buckets; the few in the value's own bucket are compared exactly in double. Same bins as
/// <see cref="FeatureBinMapper.Bin"/>: a float above (float)t lies above t, and one below it lies below t.
/// </summary>
internal sealed class FloatBinLookup
{
    private readonly double[] thresholds;
    private readonly byte[] below = new byte[1 << 16];

    /// <param name="thresholds">Ascending thresholds, padded at the end with at least one +infinity (a sentinel).</param>
    /// <param name="count">How many of them are real.</param>
    public FloatBinLookup(double[] thresholds, int count)
    {
        if (thresholds.Length <= count || thresholds[count] != double.PositiveInfinity)
        {
            throw new ArgumentException("The thresholds need a +infinity after the last real one.", nameof(thresholds));
        }

        this.thresholds = thresholds;
        var k = 0;
        for (var bucket = 0; bucket < below.Length; bucket++)
        {
            while (k < count && Bucket((float)thresholds[k]) < bucket)
            {
                k++;
            }

            below[bucket] = (byte)k;
        }
    }

    /// <summary>The bin of a value: 0 for NaN, else 1 + the number of thresholds below it.</summary>
    public byte Bin(float value)
    {
        if (float.IsNaN(value))
        {
            return FeatureBinMapper.MissingBin;
        }

        // Most buckets hold at most two thresholds: two steps without branches, then the rare rest; the +infinity
        // after the last threshold stops every step.
        int k = below[Bucket(value)];
        k += thresholds[k] < value ? 1 : 0;
        k += thresholds[k] < value ? 1 : 0;
        while (thresholds[k] < value)
        {
            k++;
        }

        return (byte)(k + 1);
    }

    private static int Bucket(float value)
    {
        // -0 and +0 share a bucket (they compare equal); then flip the sign bit of positive floats and every bit of negative ones: the unsigned keys then sort as the floats.
        var bits = value == 0 ? 0u : BitConverter.SingleToUInt32Bits(value);
        var key = (bits & 0x80000000u) != 0 ? ~bits : bits | 0x80000000u;
        return (int)(key >> 16);
    }
}
