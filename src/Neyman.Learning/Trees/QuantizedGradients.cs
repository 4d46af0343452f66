using Neyman.Core;

namespace Neyman.Learning.Trees;

/// <summary>
/// One round's gradients and hessians rounded stochastically to small integers (quantized training, as in
/// LightGBM's <c>use_quantized_grad</c>; Shi et al., NeurIPS 2022) and packed, with a count of one, into a single
/// 64-bit word per event, so a histogram bin takes one integer addition per event instead of three floating ones.
/// Gradients become integers in [-L/2, L/2] in units of max|g| / (L/2), hessians integers in [0, L] (or [-L, L]
/// when negative weights make some negative) in units of max|h| / L; the rounding is unbiased (rounded up with
/// probability equal to the fractional part) and seeded, so the same seed gives the same bits on any thread count.
/// Word layout, each field summed on its own: bits 0-19 the count, 20-41 the hessian plus its offset, 42-63 the
/// gradient plus its offset. The fields do not overflow while a partial sum covers at most <see cref="ChunkRows"/>
/// events.
/// </summary>
internal sealed class QuantizedGradients
{
    private const ulong RoundingPurpose = 0x7175616E74;
    private const int BlockRows = 4096;
    private const int CountBits = 20;
    private const int HessianBits = 22;
    private const long CountMask = (1L << CountBits) - 1;
    private const long HessianMask = (1L << HessianBits) - 1;

    private readonly int levels;
    private readonly ulong seed;

    /// <summary>Creates the quantizer.</summary>
    /// <param name="levels">L: the gradient takes L + 1 integer values, the hessian L + 1 (or 2L + 1).</param>
    /// <param name="rowCount">The number of training events.</param>
    /// <param name="seed">The seed of the stochastic rounding.</param>
    public QuantizedGradients(int levels, int rowCount, ulong seed)
    {
        this.levels = levels;
        this.seed = seed;
        Packed = new long[rowCount];
    }

    /// <summary>The packed word of every event of the last <see cref="Quantize"/> (only the sampled rows are set).</summary>
    public long[] Packed { get; }

    /// <summary>The value of one gradient unit.</summary>
    public double GradientScale { get; private set; }

    /// <summary>The value of one hessian unit.</summary>
    public double HessianScale { get; private set; }

    /// <summary>The offset added to every quantized gradient (L/2), so the packed field is never negative.</summary>
    public long GradientOffset { get; private set; }

    /// <summary>The offset added to every quantized hessian (0, or L when some hessians are negative).</summary>
    public long HessianOffset { get; private set; }

    /// <summary>The most events one packed partial sum may hold.</summary>
    public int ChunkRows { get; private set; }

    /// <summary>Rounds and packs the gradients and hessians of the given rows.</summary>
    /// <param name="gradient">Per-event gradients.</param>
    /// <param name="hessian">Per-event hessians.</param>
    /// <param name="rows">The rows of this tree.</param>
    /// <param name="stream">The index of this tree among all trees (round times outputs plus output).</param>
    /// <param name="team">The threads to use.</param>
    public void Quantize(float[] gradient, float[] hessian, int[] rows, long stream, WorkerTeam team)
    {
        float maxGradient = 0, maxHessian = 0, minHessian = 0;
        foreach (var r in rows)
        {
            maxGradient = Math.Max(maxGradient, Math.Abs(gradient[r]));
            maxHessian = Math.Max(maxHessian, Math.Abs(hessian[r]));
            minHessian = Math.Min(minHessian, hessian[r]);
        }

        var half = levels / 2;
        GradientOffset = half;
        HessianOffset = minHessian < 0 ? levels : 0;
        GradientScale = maxGradient > 0 ? maxGradient / (double)half : 1.0;
        HessianScale = maxHessian > 0 ? maxHessian / (double)levels : 1.0;
        var largestField = Math.Max(2 * half, HessianOffset + levels);
        ChunkRows = (int)Math.Min(CountMask, HessianMask / largestField);
        var gradientUnit = 1.0 / GradientScale;
        var hessianUnit = 1.0 / HessianScale;
        var (gradientOffset, hessianOffset) = (GradientOffset, HessianOffset);
        var packed = Packed;
        team.For(0, (rows.Length + BlockRows - 1) / BlockRows, b =>
        {
            // One random stream per block of rows: the draws do not depend on how blocks meet threads.
            var random = RandomStream.ForBlock(seed, RoundingPurpose, ((ulong)stream << 24) + (ulong)b);
            for (var i = b * BlockRows; i < Math.Min(rows.Length, (b + 1) * BlockRows); i++)
            {
                var r = rows[i];
                var g = Round(gradient[r] * gradientUnit, random.NextDouble(), half);
                var h = Round(hessian[r] * hessianUnit, random.NextDouble(), levels);
                packed[r] = ((g + gradientOffset) << (CountBits + HessianBits)) | ((h + hessianOffset) << CountBits) | 1;
            }
        });
    }

    /// <summary>The count in a packed sum.</summary>
    /// <param name="sum">A sum of packed words over at most <see cref="ChunkRows"/> events.</param>
    public static long Count(long sum) => sum & CountMask;

    /// <summary>The gradient sum, in gradient units, of a packed sum.</summary>
    /// <param name="sum">A sum of packed words over at most <see cref="ChunkRows"/> events.</param>
    public long GradientUnits(long sum) => (long)((ulong)sum >> (CountBits + HessianBits)) - (GradientOffset * Count(sum));

    /// <summary>The hessian sum, in hessian units, of a packed sum.</summary>
    /// <param name="sum">A sum of packed words over at most <see cref="ChunkRows"/> events.</param>
    public long HessianUnits(long sum) => ((sum >> CountBits) & HessianMask) - (HessianOffset * Count(sum));

    // Unbiased stochastic rounding, clamped to [-limit, limit] against rounding at the very edge.
    private static long Round(double units, double uniform, int limit) =>
        Math.Clamp((long)Math.Floor(units + uniform), -limit, limit);
}
