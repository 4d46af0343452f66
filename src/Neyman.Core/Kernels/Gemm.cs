using System.Buffers;
using System.Runtime.CompilerServices;

namespace Neyman.Core.Kernels;

/// <summary>
/// Single-precision matrix product over flat row-major buffers: <c>C = op(A)·op(B) + beta·C</c>, where
/// <c>op</c> optionally transposes. A register-blocked micro-kernel (AVX-512 or AVX2) accumulates tiles of
/// <see cref="GemmMicroKernel.Rows"/>×<see cref="GemmMicroKernel.Columns"/> outputs over k in depth blocks of
/// fixed size, reading A in place through strides and B in place panel by panel (a transposed B and the
/// ragged edges are packed). Threads take contiguous row chunks; since every output element is summed over k
/// in one fixed order whoever computes it, the result has the same bits whatever the number of threads.
/// </summary>
public static class Gemm
{
    private const int DepthBlock = 256;

    // Below this many multiply-adds per task, handing work to another thread costs more than it saves.
    private const long MinimumWorkPerTask = 1 << 18;

    /// <summary>
    /// Computes <c>C = A·B + beta·C</c> with <paramref name="a"/> of shape m×k,
    /// <paramref name="b"/> of shape k×n and <paramref name="c"/> of shape m×n, all row-major and dense.
    /// </summary>
    /// <param name="m">Rows of A and C.</param>
    /// <param name="n">Columns of B and C.</param>
    /// <param name="k">Columns of A and rows of B.</param>
    /// <param name="a">The left matrix, m×k.</param>
    /// <param name="b">The right matrix, k×n.</param>
    /// <param name="c">The output matrix, m×n; read only when <paramref name="beta"/> is non-zero.</param>
    /// <param name="beta">Scale of the existing contents of C (0 overwrites it).</param>
    /// <param name="threads">Maximum worker count; the partition into blocks does not depend on it.</param>
    public static void Multiply(int m, int n, int k, float[] a, float[] b, float[] c, float beta = 0f, int threads = 1) =>
        Multiply(false, false, m, n, k, a, 0, k, b, 0, n, c, 0, n, beta, threads);

    /// <summary>
    /// Computes <c>C = op(A)·op(B) + beta·C</c> on strided row-major views into larger buffers, where op(A) is
    /// m×k and op(B) is k×n. A transposed operand is stored as its transpose (k×m for A, n×k for B).
    /// </summary>
    /// <param name="transposeA">Whether A is stored k×m and used transposed.</param>
    /// <param name="transposeB">Whether B is stored n×k and used transposed.</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Columns of op(A) and rows of op(B).</param>
    /// <param name="a">Buffer holding A.</param>
    /// <param name="aOffset">Index of A's first element in <paramref name="a"/>.</param>
    /// <param name="lda">Distance between consecutive stored rows of A.</param>
    /// <param name="b">Buffer holding B.</param>
    /// <param name="bOffset">Index of B's first element in <paramref name="b"/>.</param>
    /// <param name="ldb">Distance between consecutive stored rows of B.</param>
    /// <param name="c">Buffer holding C.</param>
    /// <param name="cOffset">Index of C's first element in <paramref name="c"/>.</param>
    /// <param name="ldc">Distance between consecutive rows of C.</param>
    /// <param name="beta">Scale of the existing contents of C (0 overwrites it, even NaN).</param>
    /// <param name="threads">Maximum worker count; the partition into blocks does not depend on it.</param>
    public static void Multiply(
        bool transposeA, bool transposeB, int m, int n, int k,
        float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float[] c, int cOffset, int ldc,
        float beta = 0f, int threads = 1)
    {
        Preconditions.CheckArgument(m >= 0 && n >= 0 && k >= 0, "expected non-negative dimensions");
        Preconditions.CheckArgument(threads >= 1, "expected at least one thread");
        CheckOperand(a, aOffset, lda, transposeA ? k : m, transposeA ? m : k, "A");
        CheckOperand(b, bOffset, ldb, transposeB ? n : k, transposeB ? k : n, "B");
        CheckOperand(c, cOffset, ldc, m, n, "C");
        if (m == 0 || n == 0)
        {
            return;
        }
        if (k == 0)
        {
            ScaleOutput(m, n, c, cOffset, ldc, beta);
            return;
        }
        var job = new GemmJob(transposeA, transposeB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc, beta);
        try
        {
            // Each output element is summed over k in the same order whichever task computes it, so the split
            // into row chunks may follow the thread count without changing a bit.
            var mr = GemmMicroKernel.Rows;
            var slivers = (m + mr - 1) / mr;
            var work = (long)m * n * k;
            var chunks = (int)Math.Min(Math.Min(threads, slivers), Math.Max(1, work / MinimumWorkPerTask));
            var sliversPerChunk = (slivers + chunks - 1) / chunks;
            chunks = (slivers + sliversPerChunk - 1) / sliversPerChunk;
            if (chunks == 1)
            {
                job.RunRows(0, m);
                return;
            }
            var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
            Parallel.For(0, chunks, options, chunk =>
            {
                var first = chunk * sliversPerChunk * mr;
                job.RunRows(first, Math.Min(m, first + sliversPerChunk * mr));
            });
        }
        finally
        {
            job.Release();
        }
    }

    private static void CheckOperand(float[] buffer, int offset, int stride, int rows, int columns, string name)
    {
        ArgumentNullException.ThrowIfNull(buffer, name);
        Preconditions.CheckArgument(offset >= 0, $"expected a non-negative offset of {name}");
        Preconditions.CheckArgument(stride >= columns && stride >= 0, $"expected the row stride of {name} to be at least its stored column count {columns}");
        if (rows > 0 && columns > 0)
        {
            Preconditions.CheckArgument(offset + (long)(rows - 1) * stride + columns <= buffer.Length, $"expected the buffer of {name} to hold {rows}×{columns} values at stride {stride}");
        }
    }

    private static void ScaleOutput(int m, int n, float[] c, int cOffset, int ldc, float beta)
    {
        for (var i = 0; i < m; i++)
        {
            var row = c.AsSpan(cOffset + i * ldc, n);
            if (beta == 0f)
            {
                row.Clear();
            }
            else
            {
                for (var j = 0; j < n; j++)
                {
                    row[j] *= beta;
                }
            }
        }
    }

    private sealed class GemmJob
    {
        private readonly bool _transposeA;
        private readonly int _m, _n, _k;
        private readonly float[] _a, _b, _c;
        private readonly int _aOffset, _lda, _bOffset, _ldb, _cOffset, _ldc;
        private readonly float _beta;
        private readonly float[]? _packedB;
        private readonly int _directPanels;

        public GemmJob(bool transposeA, bool transposeB, int m, int n, int k, float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float[] c, int cOffset, int ldc, float beta)
        {
            (_transposeA, _m, _n, _k, _a, _aOffset, _lda, _b, _bOffset, _ldb, _c, _cOffset, _ldc, _beta) = (transposeA, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc, beta);
            var nr = GemmMicroKernel.Columns;
            var panels = (n + nr - 1) / nr;
            // A row-major B is read in place, panel by panel; a transposed B and the ragged last panel are
            // packed once, contiguous per depth block, so the kernel always reads NR consecutive floats.
            _directPanels = transposeB ? 0 : n / nr;
            var packedPanels = panels - _directPanels;
            if (packedPanels > 0)
            {
                _packedB = ArrayPool<float>.Shared.Rent(k * packedPanels * nr);
                for (var panel = _directPanels; panel < panels; panel++)
                {
                    var j0 = panel * nr;
                    for (var p0 = 0; p0 < k; p0 += DepthBlock)
                    {
                        var kc = Math.Min(DepthBlock, k - p0);
                        var destination = _packedB.AsSpan(PackedOffset(panel, p0, kc), kc * nr);
                        GemmPacking.PackB(transposeB, b, bOffset, ldb, p0, kc, j0, Math.Min(nr, n - j0), nr, destination);
                    }
                }
            }
        }

        public void Release()
        {
            if (_packedB is not null)
            {
                ArrayPool<float>.Shared.Return(_packedB);
            }
        }

        private int PackedOffset(int panel, int p0, int kc) => p0 * (((_n + GemmMicroKernel.Columns - 1) / GemmMicroKernel.Columns) - _directPanels) * GemmMicroKernel.Columns + (panel - _directPanels) * kc * GemmMicroKernel.Columns;

        /// <summary>Computes rows [rowStart, rowEnd) of C (rowStart a multiple of MR).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public unsafe void RunRows(int rowStart, int rowEnd)
        {
            var mr = GemmMicroKernel.Rows;
            var nr = GemmMicroKernel.Columns;
            var panels = (_n + nr - 1) / nr;
            var edge = stackalloc float[mr * Math.Min(DepthBlock, _k)];
            var tile = stackalloc float[mr * nr];
            var edgeA = new Span<float>(edge, mr * Math.Min(DepthBlock, _k));
            var edgeRows = (rowEnd - rowStart) % mr;
            var fullEnd = rowEnd - edgeRows;
            nint aRowStride = _transposeA ? 1 : _lda;
            nint aDepthStride = _transposeA ? _lda : 1;
            fixed (float* aBase = _a, bBase = _b, cBase = _c, packed = _packedB)
            {
                for (var p0 = 0; p0 < _k; p0 += DepthBlock)
                {
                    var kc = Math.Min(DepthBlock, _k - p0);
                    var overwrite = p0 == 0 && _beta == 0f;
                    var scale = p0 == 0 ? _beta : 1f;
                    if (edgeRows > 0)
                    {
                        GemmPacking.PackA(_transposeA, _a, _aOffset, _lda, fullEnd, edgeRows, p0, kc, mr, edgeA);
                    }
                    for (var panel = 0; panel < panels; panel++)
                    {
                        var j = panel * nr;
                        var tileColumns = Math.Min(nr, _n - j);
                        float* bPanel;
                        nint bStride;
                        if (panel < _directPanels)
                        {
                            bPanel = bBase + _bOffset + (long)p0 * _ldb + j;
                            bStride = _ldb;
                        }
                        else
                        {
                            bPanel = packed + PackedOffset(panel, p0, kc);
                            bStride = nr;
                        }
                        for (var i = rowStart; i < rowEnd; i += mr)
                        {
                            var tileRows = Math.Min(mr, rowEnd - i);
                            var cTile = cBase + _cOffset + (long)i * _ldc + j;
                            float* aSliver;
                            nint rowStride, depthStride;
                            if (i < fullEnd)
                            {
                                aSliver = aBase + _aOffset + (_transposeA ? (long)p0 * _lda + i : (long)i * _lda + p0);
                                (rowStride, depthStride) = (aRowStride, aDepthStride);
                            }
                            else
                            {
                                aSliver = edge;
                                (rowStride, depthStride) = (1, mr);
                            }
                            if (tileRows == mr && tileColumns == nr)
                            {
                                GemmMicroKernel.Run(kc, aSliver, rowStride, depthStride, bPanel, bStride, cTile, _ldc, overwrite, scale);
                                continue;
                            }
                            GemmMicroKernel.Run(kc, aSliver, rowStride, depthStride, bPanel, bStride, tile, nr, true, 0f);
                            MergeTile(tile, nr, cTile, _ldc, tileRows, tileColumns, overwrite, scale);
                        }
                    }
                }
            }
        }

        private static unsafe void MergeTile(float* tile, int nr, float* cTile, int ldc, int rows, int columns, bool overwrite, float scale)
        {
            for (var r = 0; r < rows; r++)
            {
                for (var q = 0; q < columns; q++)
                {
                    var value = tile[r * nr + q];
                    ref var target = ref cTile[r * ldc + q];
                    target = overwrite ? value : (scale == 1f ? target + value : MathF.FusedMultiplyAdd(scale, target, value));
                }
            }
        }
    }
}
