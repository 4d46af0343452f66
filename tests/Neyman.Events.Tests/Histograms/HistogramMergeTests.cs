using Neyman.Core;
using Neyman.Events.Histograms;

namespace Neyman.Events.Tests.Histograms;

public class HistogramMergeTests
{
    private const int Blocks = 8;
    private const int PerBlock = 500;

    private static Histogram FillBlock(int block, bool dyadic)
    {
        var random = RandomStream.ForBlock(42, 1, (ulong)block);
        var h = new Histogram(new RegularAxis(10, -2, 2), new VariableAxis([0, 0.5, 2, 3]));
        for (var i = 0; i < PerBlock; i++)
        {
            var w = dyadic ? random.NextInt(16) * 0.125 : random.NextExponential(1.3);
            h.FillOne([random.NextGaussian(), random.NextExponential(1)], w);
        }
        return h;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void Parallel_fill_then_merge_in_block_order_equals_serial_bit_for_bit(int threads)
    {
        var parts = new Histogram[Blocks];
        Parallel.For(0, Blocks, new ParallelOptions { MaxDegreeOfParallelism = threads }, b => parts[b] = FillBlock(b, false));
        var merged = Histogram.Merge(parts);

        var serial = FillBlock(0, false);
        for (var b = 1; b < Blocks; b++)
        {
            serial.Add(FillBlock(b, false));
        }
        Assert.Equal(serial.Values.ToArray(), merged.Values.ToArray());
        Assert.Equal(serial.Variances.ToArray(), merged.Variances.ToArray());
    }

    [Fact]
    public void Merged_partials_equal_one_serial_fill_when_sums_are_exact()
    {
        var parts = new Histogram[Blocks];
        Parallel.For(0, Blocks, b => parts[b] = FillBlock(b, true));
        var merged = Histogram.Merge(parts);

        // One histogram filled entry by entry with the same streams: the weights are multiples of 1/8, so sums are exact.
        var single = new Histogram(new RegularAxis(10, -2, 2), new VariableAxis([0, 0.5, 2, 3]));
        for (var b = 0; b < Blocks; b++)
        {
            var random = RandomStream.ForBlock(42, 1, (ulong)b);
            for (var i = 0; i < PerBlock; i++)
            {
                var w = random.NextInt(16) * 0.125;
                single.FillOne([random.NextGaussian(), random.NextExponential(1)], w);
            }
        }
        Assert.Equal(single.Values.ToArray(), merged.Values.ToArray());
        Assert.Equal(single.Variances.ToArray(), merged.Variances.ToArray());
        Assert.Equal(single.Values.ToArray(), parts.Aggregate((a, b) => { var c = a.Clone(); c.Add(b); return c; }).Values.ToArray());
    }
}
