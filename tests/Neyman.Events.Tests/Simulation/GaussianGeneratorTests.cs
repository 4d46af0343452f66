using System.Runtime.InteropServices;
using Neyman.Events.Simulation;
using Neyman.Events.Tables;

namespace Neyman.Events.Tests.Simulation;

public sealed class GaussianGeneratorTests
{
    private static EventTable Generate(GaussianOptions options, ulong seed, int events, int chunkRows = 1 << 18, int threads = -1)
    {
        var chunks = new List<EventTable>();
        new GaussianGenerator(options, seed).Generate(events, chunks.Add, chunkRows, threads);
        return EventTable.Concatenate(chunks);
    }

    [Fact]
    public void True_llr_matches_a_direct_density_computation()
    {
        var options = new GaussianOptions { Dimensions = 3, Components = 2, Separation = 1.5 };
        var generator = new GaussianGenerator(options, 1);
        var table = Generate(options, 1, 200);

        for (var row = 0; row < 200; row += 7)
        {
            var x = Enumerable.Range(1, 3).Select(i => table["x" + i][row]).ToArray();
            var expected = Math.Log(DirectDensity(generator.Signal, x)) - Math.Log(DirectDensity(generator.Background, x));
            Assert.Equal(expected, table[GaussianGenerator.TrueLlrColumn][row], 9);
        }
    }

    [Fact]
    public void True_llr_separates_at_least_as_well_as_any_single_feature()
    {
        var options = new GaussianOptions { Dimensions = 4, Components = 3, Separation = 1.0 };
        var table = Generate(options, 2, 20_000);
        var labels = table["label"].Float32Values;

        var optimum = Auc(table[GaussianGenerator.TrueLlrColumn].ToFloat64Array(), labels);
        Assert.InRange(optimum, 0.55, 0.999);
        foreach (var name in table.FeatureNames.Where(n => n.StartsWith('x')))
        {
            var feature = Auc(table[name].ToFloat64Array(), labels);
            Assert.True(optimum >= Math.Max(feature, 1 - feature), $"{name}: {feature} vs true_llr {optimum}");
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_bits_whatever_the_thread_count()
    {
        var options = new GaussianOptions { Dimensions = 2 };
        var one = Generate(options, 5, 40_000, chunkRows: 16384, threads: 1);
        var many = Generate(options, 5, 40_000, chunkRows: 1 << 18, threads: 4);
        foreach (var column in one.Columns)
        {
            var a = column.Type == ColumnType.Float32 ? MemoryMarshal.AsBytes(column.Float32Values.AsSpan()).ToArray() : MemoryMarshal.AsBytes(column.Float64Values.AsSpan()).ToArray();
            var other = many[column.Name];
            var b = other.Type == ColumnType.Float32 ? MemoryMarshal.AsBytes(other.Float32Values.AsSpan()).ToArray() : MemoryMarshal.AsBytes(other.Float64Values.AsSpan()).ToArray();
            Assert.Equal(a, b);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void A_failing_chunk_writer_stops_the_generation_with_its_error(int threads)
    {
        // Chunks of 16,384 rows; the second call fails: its error comes out of Generate and no chunk follows it.
        var calls = 0;
        var error = Assert.Throws<IOException>(() => new GaussianGenerator(new GaussianOptions(), 2).Generate(100_000, chunk =>
        {
            if (++calls == 2)
            {
                throw new IOException("disk full");
            }
        }, chunkRows: 16_384, maxDegreeOfParallelism: threads));
        Assert.Equal("disk full", error.Message);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Out_of_range_dimensions_are_rejected_by_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianGenerator(new GaussianOptions { Dimensions = 0 }, 1));
        Assert.Equal(nameof(GaussianOptions.Dimensions), e.ParamName);
    }

    // p(x) = sum_k w_k exp(-(x - mu)^T Sigma^-1 (x - mu) / 2) / sqrt((2 pi)^d det Sigma), with Sigma = L L^T inverted by Gauss-Jordan.
    private static double DirectDensity(GaussianMixture mixture, double[] x)
    {
        var total = 0.0;
        foreach (var c in mixture.Components)
        {
            var d = c.Dimensions;
            var sigma = new double[d, d];
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    for (var k = 0; k < d; k++)
                    {
                        sigma[i, j] += c.Cholesky[i * d + k] * c.Cholesky[j * d + k];
                    }
                }
            }
            var (inverse, determinant) = Invert(sigma);
            var quadratic = 0.0;
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    quadratic += (x[i] - c.Mean[i]) * inverse[i, j] * (x[j] - c.Mean[j]);
                }
            }
            total += c.Weight * Math.Exp(-0.5 * quadratic) / Math.Sqrt(Math.Pow(2 * Math.PI, d) * determinant);
        }
        return total;
    }

    private static (double[,] Inverse, double Determinant) Invert(double[,] a)
    {
        var n = a.GetLength(0);
        var m = (double[,])a.Clone();
        var inverse = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            inverse[i, i] = 1;
        }
        var determinant = 1.0;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = r;
                }
            }
            if (pivot != col)
            {
                determinant = -determinant;
                for (var k = 0; k < n; k++)
                {
                    (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                    (inverse[col, k], inverse[pivot, k]) = (inverse[pivot, k], inverse[col, k]);
                }
            }
            var p = m[col, col];
            determinant *= p;
            for (var k = 0; k < n; k++)
            {
                m[col, k] /= p;
                inverse[col, k] /= p;
            }
            for (var r = 0; r < n; r++)
            {
                if (r != col)
                {
                    var f = m[r, col];
                    for (var k = 0; k < n; k++)
                    {
                        m[r, k] -= f * m[col, k];
                        inverse[r, k] -= f * inverse[col, k];
                    }
                }
            }
        }
        return (inverse, determinant);
    }

    // The probability that a random signal event scores above a random background event (ties count half).
    private static double Auc(double[] score, float[] labels)
    {
        var order = Enumerable.Range(0, score.Length).OrderBy(i => score[i]).ToArray();
        double rankSum = 0;
        long positives = 0;
        var rank = 0;
        while (rank < order.Length)
        {
            var end = rank;
            while (end + 1 < order.Length && score[order[end + 1]] == score[order[rank]])
            {
                end++;
            }
            var averageRank = 0.5 * (rank + end) + 1;
            for (var k = rank; k <= end; k++)
            {
                if (labels[order[k]] == 1f)
                {
                    rankSum += averageRank;
                    positives++;
                }
            }
            rank = end + 1;
        }
        var negatives = score.Length - positives;
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }
}
