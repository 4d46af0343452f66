using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

public sealed class FeatureBinMapperTests
{
    [Fact]
    public void FewDistinctValuesGetOwnBinsAtMidpoints()
    {
        double[] values = [3, 1, 2, 1, double.NaN, 3];
        var mapper = FeatureBinMapper.Fit(values, Ones(values.Length), 255);
        Assert.Equal([1.5, 2.5], mapper.Thresholds);
        Assert.Equal(FeatureBinMapper.MissingBin, mapper.Bin(double.NaN));
        Assert.Equal(1, mapper.Bin(1));
        Assert.Equal(1, mapper.Bin(1.5));
        Assert.Equal(2, mapper.Bin(2));
        Assert.Equal(3, mapper.Bin(3));
        Assert.Equal(3, mapper.Bin(100));
    }

    [Fact]
    public void UniformWeightsGiveEqualCountQuartiles()
    {
        var values = Enumerable.Range(1, 1000).Select(i => (double)i).ToArray();
        var mapper = FeatureBinMapper.Fit(values, Ones(values.Length), 4);
        Assert.Equal([250.5, 500.5, 750.5], mapper.Thresholds);
        var counts = new int[5];
        foreach (var v in values)
        {
            counts[mapper.Bin(v)]++;
        }

        Assert.Equal([0, 250, 250, 250, 250], counts);
    }

    [Fact]
    public void WeightsMoveTheQuantiles()
    {
        // Values 1..10; value 1 carries weight 10 (absolute value of -10), others weight 1: total 19, median at 9.5,
        // reached at value 1 (cumulative 10), so the one threshold sits between 1 and 2.
        var values = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();
        var weights = Ones(10);
        weights[0] = -10;
        var mapper = FeatureBinMapper.Fit(values, weights, 2);
        Assert.Equal([1.5], mapper.Thresholds);
    }

    [Fact]
    public void RejectsBadArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureBinMapper.Fit([1.0], [1.0], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeatureBinMapper.Fit([1.0], [1.0], 256));
        Assert.Throws<ArgumentException>(() => FeatureBinMapper.Fit([1.0], [1.0, 2.0], 4));
        Assert.Throws<ArgumentException>(() => new FeatureBinMapper([2.0, 1.0]));
    }

    private static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();

    [Fact]
    public void DatasetBinsOfFloatAndDoubleColumnsEqualTheMappersBins()
    {
        var random = new Neyman.Core.RandomStream(17);
        var values = Enumerable.Range(0, 5000).Select(_ => (float)(random.NextGaussian() * Math.Pow(10, random.NextInt(7) - 3))).ToList();
        values.AddRange([float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, float.MaxValue, -float.MaxValue, float.Epsilon, -float.Epsilon]);
        var weights = Enumerable.Repeat(1.0, values.Count).ToArray();
        var mapper = FeatureBinMapper.Fit([.. values.Select(v => (double)v)], weights, 200);
        var probes = values.Concat(mapper.Thresholds.SelectMany(t => new[] { (float)t, MathF.BitDecrement((float)t), MathF.BitIncrement((float)t) })).ToArray();
        var floatColumn = Neyman.Events.Tables.EventColumn.Float32("x", probes);
        var doubleColumn = Neyman.Events.Tables.EventColumn.Float64("x", [.. probes.Select(p => (double)p)]);
        var fromFloat = BinnedDataset.Apply([mapper], [floatColumn], new ParallelOptions()).Columns[0];
        var fromDouble = BinnedDataset.Apply([mapper], [doubleColumn], new ParallelOptions()).Columns[0];
        for (var i = 0; i < probes.Length; i++)
        {
            Assert.Equal(mapper.Bin(probes[i]), fromFloat[i]);
            Assert.Equal(mapper.Bin(probes[i]), fromDouble[i]);
        }
    }
}
