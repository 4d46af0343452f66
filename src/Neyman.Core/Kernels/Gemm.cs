using System.Numerics;

namespace Neyman.Core.Kernels;

/// <summary>
/// Single-precision matrix product over flat row-major buffers: <c>C = A·B + beta·C</c>.
/// Each output row is owned by exactly one worker and summed over k in a fixed order,
/// so the result has the same bits whatever the number of threads.
/// </summary>
public static class Gemm
{
    /// <summary>
    /// Computes <c>C = A·B + beta·C</c> with <paramref name="a"/> of shape m×k,
    /// <paramref name="b"/> of shape k×n and <paramref name="c"/> of shape m×n, all row-major.
    /// </summary>
    /// <param name="m">Rows of A and C.</param>
    /// <param name="n">Columns of B and C.</param>
    /// <param name="k">Columns of A and rows of B.</param>
    /// <param name="a">The left matrix, m×k.</param>
    /// <param name="b">The right matrix, k×n.</param>
    /// <param name="c">The output matrix, m×n; read only when <paramref name="beta"/> is non-zero.</param>
    /// <param name="beta">Scale of the existing contents of C (0 overwrites it).</param>
    /// <param name="threads">Maximum worker count; the partition into row blocks does not depend on it.</param>
    public static void Multiply(int m, int n, int k, float[] a, float[] b, float[] c, float beta = 0f, int threads = 1)
    {
        Preconditions.CheckArgument(m >= 0 && n >= 0 && k >= 0, "expected non-negative dimensions");
        Preconditions.CheckArgument(a.Length >= (long)m * k, "expected A to hold m*k values");
        Preconditions.CheckArgument(b.Length >= (long)k * n, "expected B to hold k*n values");
        Preconditions.CheckArgument(c.Length >= (long)m * n, "expected C to hold m*n values");
        Preconditions.CheckArgument(threads >= 1, "expected at least one thread");
        const int blockRows = 16;
        var blocks = (m + blockRows - 1) / blockRows;
        if (threads == 1 || blocks < 2)
        {
            for (var block = 0; block < blocks; block++)
            {
                RowBlock(block * blockRows, Math.Min(m, (block + 1) * blockRows), n, k, a, b, c, beta);
            }
            return;
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        Parallel.For(0, blocks, options, block =>
            RowBlock(block * blockRows, Math.Min(m, (block + 1) * blockRows), n, k, a, b, c, beta));
    }

    private static void RowBlock(int rowStart, int rowEnd, int n, int k, float[] a, float[] b, float[] c, float beta)
    {
        var width = Vector<float>.Count;
        for (var i = rowStart; i < rowEnd; i++)
        {
            var cRow = c.AsSpan(i * n, n);
            if (beta == 0f)
            {
                cRow.Clear();
            }
            else if (beta != 1f)
            {
                for (var j = 0; j < n; j++)
                {
                    cRow[j] *= beta;
                }
            }
            var aRow = a.AsSpan(i * k, k);
            for (var p = 0; p < k; p++)
            {
                var scale = aRow[p];
                var bRow = b.AsSpan(p * n, n);
                var broadcast = new Vector<float>(scale);
                var j = 0;
                for (; j <= n - width; j += width)
                {
                    var sum = Vector.FusedMultiplyAdd(broadcast, new Vector<float>(bRow[j..]), new Vector<float>(cRow[j..]));
                    sum.CopyTo(cRow[j..]);
                }
                for (; j < n; j++)
                {
                    cRow[j] = MathF.FusedMultiplyAdd(scale, bRow[j], cRow[j]);
                }
            }
        }
    }
}
