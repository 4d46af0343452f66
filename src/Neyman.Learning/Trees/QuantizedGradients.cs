using System.Numerics;
using Neyman.Core;

namespace Neyman.Learning.Trees;

/// <summary>
/// One round's gradients and hessians rounded stochastically to small integers (quantized training, as in
/// LightGBM's <c>use_quantized_grad</c>; Shi et al., NeurIPS 2022), kept as a 16-bit code per event (gradient field in
/// the high byte, hessian field in the low one) that expands, with a count of one, into a 64-bit word, so a
/// histogram bin takes one integer addition per event instead of three floating ones.
/// Gradients become integers in [-L/2, L/2] in units of max|g| / (L/2), hessians integers in [0, L] (or [-L, L]
/// when negative weights make some negative) in units of max|h| / L; the rounding is unbiased (rounded up with
/// probability equal to the fractional part) with uniforms hashed from the seed, the tree and the event's row, so the
/// same seed gives the same bits on any thread count.
/// Word layout, each field summed on its own: bits 0-19 the count, 20-41 the hessian plus its offset, 42-63 the
/// gradient plus its offset. The fields do not overflow while a partial sum covers at most <see cref="ChunkRows"/>
/// events. The histogram kernels read each event's code by its row (2 bytes an event instead of 8); nothing moves with the
/// rows when a node is partitioned.
/// </summary>
internal sealed class QuantizedGradients
{
    private const ulong RoundingPurpose = 0x7175616E74;
    private const int BlockRows = 4096;
    private const double TwoToMinus32 = 1.0 / 4294967296.0;
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
        Codes = new ushort[rowCount];
    }

    /// <summary>The code of every event of the last <see cref="Quantize"/> (only the sampled rows are set).</summary>
    public ushort[] Codes { get; }

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
    /// <param name="knownExtremes">The extremes of these rows' gradients and hessians when already known.</param>
    public void Quantize(float[] gradient, float[] hessian, int[] rows, long stream, WorkerTeam team, GradientExtremes? knownExtremes = null)
    {
        var blocks = (rows.Length + BlockRows - 1) / BlockRows;
        var contiguous = rows.Length > 0 && rows[^1] == rows.Length - 1;
        var (maxGradient, maxHessian, minHessian) = knownExtremes ?? Extremes(gradient, hessian, rows, contiguous, team);
        var half = levels / 2;
        GradientOffset = half;
        HessianOffset = minHessian < 0 ? levels : 0;
        GradientScale = maxGradient > 0 ? maxGradient / (double)half : 1.0;
        HessianScale = maxHessian > 0 ? maxHessian / (double)levels : 1.0;
        var largestField = Math.Max(2 * half, HessianOffset + levels);
        ChunkRows = (int)Math.Min(CountMask, HessianMask / largestField);
        var codes = Codes;
        var key = SplitMix64.Mix(seed + SplitMix64.Mix(RoundingPurpose + (ulong)stream));
        var rounding = new Rounding(1.0 / GradientScale, 1.0 / HessianScale, half, levels, GradientOffset, HessianOffset, key);
        var sums = new (long Gradient, long Hessian)[blocks];
        team.For(0, blocks, b =>
        {
            var from = b * BlockRows;
            var to = Math.Min(rows.Length, (b + 1) * BlockRows);
            long gradientFields = 0, hessianFields = 0;
            if (contiguous)
            {
                // Whole vectors of events at a time; the sums from the fresh codes.
                rounding.Pack(gradient.AsSpan(from, to - from), hessian.AsSpan(from, to - from), from, codes.AsSpan(from, to - from));
                foreach (var code in codes.AsSpan(from, to - from))
                {
                    gradientFields += code >> 8;
                    hessianFields += code & 0xFF;
                }
            }
            else
            {
                for (var i = from; i < to; i++)
                {
                    var r = rows[i];
                    var code = codes[r] = rounding.Pack(gradient[r], hessian[r], r);
                    gradientFields += code >> 8;
                    hessianFields += code & 0xFF;
                }
            }

            sums[b] = (gradientFields - (GradientOffset * (to - from)), hessianFields - (HessianOffset * (to - from)));
        });
        long gradientUnits = 0, hessianUnits = 0;
        foreach (var (blockGradient, blockHessian) in sums)
        {
            gradientUnits += blockGradient;
            hessianUnits += blockHessian;
        }

        (TotalGradientUnits, TotalHessianUnits) = (gradientUnits, hessianUnits);
    }

    /// <summary>The sum of the rounded gradients of the last <see cref="Quantize"/>'s rows, in gradient units.</summary>
    public long TotalGradientUnits { get; private set; }

    /// <summary>The sum of the rounded hessians of the last <see cref="Quantize"/>'s rows, in hessian units.</summary>
    public long TotalHessianUnits { get; private set; }

    // The extremes per block, then over blocks.
    private static GradientExtremes Extremes(float[] gradient, float[] hessian, int[] rows, bool contiguous, WorkerTeam team)
    {
        var blocks = (rows.Length + BlockRows - 1) / BlockRows;
        var extremes = new GradientExtremes[blocks];
        team.For(0, blocks, b =>
        {
            var (from, to) = (b * BlockRows, Math.Min(rows.Length, (b + 1) * BlockRows));
            if (contiguous)
            {
                // The rows are 0..n-1 (ascending and distinct): vectorized over the block.
                extremes[b] = GradientExtremes.Of(gradient.AsSpan(from, to - from), hessian.AsSpan(from, to - from));
                return;
            }

            float maxGradient = 0, maxHessian = 0, minHessian = 0;
            for (var i = from; i < to; i++)
            {
                var (g, h) = (gradient[rows[i]], hessian[rows[i]]);
                maxGradient = Math.Max(maxGradient, Math.Abs(g));
                maxHessian = Math.Max(maxHessian, Math.Abs(h));
                minHessian = Math.Min(minHessian, h);
            }

            extremes[b] = new GradientExtremes(maxGradient, maxHessian, minHessian);
        });
        var all = new GradientExtremes(0, 0, 0);
        foreach (var e in extremes)
        {
            all = all.With(e);
        }

        return all;
    }

    /// <summary>The packed word of one event's code: count 1, hessian and gradient fields.</summary>
    /// <param name="code">A code from <see cref="Codes"/>.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static long Word(ushort code) => ((long)(code >> 8) << (CountBits + HessianBits)) | ((long)(code & 0xFF) << CountBits) | 1;

    /// <summary>The packed word of one event of the last <see cref="Quantize"/>.</summary>
    /// <param name="row">The event.</param>
    public long WordOf(int row) => Word(Codes[row]);

    /// <summary>The count in a packed sum.</summary>
    /// <param name="sum">A sum of packed words over at most <see cref="ChunkRows"/> events.</param>
    public static long Count(long sum) => sum & CountMask;

    /// <summary>The gradient sum, in gradient units, of a packed sum.</summary>
    /// <param name="sum">A sum of packed words over at most <see cref="ChunkRows"/> events.</param>
    public long GradientUnits(long sum) => (long)((ulong)sum >> (CountBits + HessianBits)) - (GradientOffset * Count(sum));

    /// <summary>The hessian sum, in hessian units, of a packed sum.</summary>
    /// <param name="sum">A sum of packed words over at most <see cref="ChunkRows"/> events.</param>
    public long HessianUnits(long sum) => ((sum >> CountBits) & HessianMask) - (HessianOffset * Count(sum));

    /// <summary>
    /// Unbiased stochastic rounding of one event, the same in vectors and one by one: units = value / scale,
    /// rounded down after adding a uniform number from a counter-based hash of the event's row (two 32-bit halves
    /// for the gradient and the hessian), clamped to the levels and shifted by the offsets into a packed word.
    /// </summary>
    private readonly record struct Rounding(
        double GradientUnit, double HessianUnit, int GradientLimit, int HessianLimit, long GradientOffset, long HessianOffset, ulong Key)
    {
        private const ulong Golden = 0x9E3779B97F4A7C15UL;

        public ushort Pack(float gradient, float hessian, int row)
        {
            var bits = SplitMix64.Mix(Key ^ ((ulong)row * Golden));
            var g = Math.Clamp(Math.Floor((gradient * GradientUnit) + ((bits >> 32) * TwoToMinus32)), -GradientLimit, GradientLimit);
            var h = Math.Clamp(Math.Floor((hessian * HessianUnit) + ((uint)bits * TwoToMinus32)), -HessianLimit, HessianLimit);
            return (ushort)((((long)g + GradientOffset) << 8) | ((long)h + HessianOffset));
        }

        public void Pack(ReadOnlySpan<float> gradient, ReadOnlySpan<float> hessian, int firstRow, Span<ushort> codes)
        {
            var width = Vector<long>.Count;
            var i = 0;
            if (Vector.IsHardwareAccelerated && Vector<float>.Count == 2 * width && Vector<ushort>.Count == 4 * width)
            {
                var lane = Vector<ulong>.Indices;
                var constants = new VectorConstants(this);
                var step = new Vector<ulong>((ulong)width);
                for (; i + (4 * width) <= gradient.Length; i += 4 * width)
                {
                    Vector.Widen(new Vector<float>(gradient[i..]), out var g0, out var g1);
                    Vector.Widen(new Vector<float>(hessian[i..]), out var h0, out var h1);
                    Vector.Widen(new Vector<float>(gradient[(i + (2 * width))..]), out var g2, out var g3);
                    Vector.Widen(new Vector<float>(hessian[(i + (2 * width))..]), out var h2, out var h3);
                    var row = new Vector<ulong>((ulong)(firstRow + i)) + lane;
                    var low = Vector.Narrow(constants.Codes(g0, h0, row), constants.Codes(g1, h1, row + step));
                    var high = Vector.Narrow(constants.Codes(g2, h2, row + (step * 2)), constants.Codes(g3, h3, row + (step * 3)));
                    Vector.AsVectorUInt16(Vector.Narrow(low, high)).CopyTo(codes[i..]);
                }
            }

            for (; i < gradient.Length; i++)
            {
                codes[i] = Pack(gradient[i], hessian[i], firstRow + i);
            }
        }

        // The rounding's constants as vectors, and the codes of one vector of events (kept a method of its own that
        // the JIT inlines, so the loop keeps them in registers).
        private readonly struct VectorConstants(Rounding r)
        {
            private readonly Vector<ulong> key = new(r.Key);
            private readonly Vector<double> gradientUnit = new(r.GradientUnit);
            private readonly Vector<double> hessianUnit = new(r.HessianUnit);
            private readonly Vector<double> gradientLimit = new(r.GradientLimit);
            private readonly Vector<double> hessianLimit = new(r.HessianLimit);
            private readonly Vector<long> gradientOffset = new(r.GradientOffset);
            private readonly Vector<long> hessianOffset = new(r.HessianOffset);

            [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
            public Vector<long> Codes(Vector<double> g, Vector<double> h, Vector<ulong> row)
            {
                var bits = Mix(key ^ (row * new Vector<ulong>(Golden)));
                var gradientUniform = Vector.ConvertToDouble(bits >> 32) * new Vector<double>(TwoToMinus32);
                var hessianUniform = Vector.ConvertToDouble(bits & new Vector<ulong>(0xFFFFFFFFUL)) * new Vector<double>(TwoToMinus32);
                var gq = Vector.Min(Vector.Max(Vector.Floor((g * gradientUnit) + gradientUniform), -gradientLimit), gradientLimit);
                var hq = Vector.Min(Vector.Max(Vector.Floor((h * hessianUnit) + hessianUniform), -hessianLimit), hessianLimit);
                return ((Vector.ConvertToInt64(gq) + gradientOffset) << 8) | (Vector.ConvertToInt64(hq) + hessianOffset);
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static Vector<ulong> Mix(Vector<ulong> z)
        {
            z = (z ^ (z >> 30)) * new Vector<ulong>(0xBF58476D1CE4E5B9UL);
            z = (z ^ (z >> 27)) * new Vector<ulong>(0x94D049BB133111EBUL);
            return z ^ (z >> 31);
        }
    }
}
