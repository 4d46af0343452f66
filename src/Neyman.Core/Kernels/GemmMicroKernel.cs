using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Neyman.Core.Kernels;

/// <summary>
/// The register-blocked inner kernels of <see cref="Gemm"/>: a tile of <see cref="Rows"/>×<see cref="Columns"/>
/// outputs accumulated over a packed sliver of A (kc×Rows, row index fastest) and a packed panel of B
/// (kc×Columns, column index fastest). The tile shape follows the widest accelerated vector: 8×32 with
/// Vector512 (16 accumulators), 6×16 with Vector256 (12 accumulators, fits the 16 AVX2 registers).
/// </summary>
internal static unsafe class GemmMicroKernel
{
    /// <summary>Rows of the output tile (the "MR" of the packing literature).</summary>
    public static readonly int Rows = Vector512.IsHardwareAccelerated ? 8 : 6;

    /// <summary>Columns of the output tile (the "NR"): two vectors.</summary>
    public static readonly int Columns = Vector512.IsHardwareAccelerated ? 32 : 16;

    /// <summary>
    /// Computes the tile product over <paramref name="kc"/> steps and writes it into <paramref name="c"/>:
    /// <c>c = acc</c> when <paramref name="overwrite"/>, else <c>c = beta·c + acc</c>. Element (r, p) of the A
    /// sliver is <c>a[r·aRowStride + p·aDepthStride]</c> (packed: 1 and Rows; a row-major matrix: lda and 1;
    /// a transposed one: 1 and lda), and row p of the B panel starts at <c>b + p·bDepthStride</c>.
    /// </summary>
    public static void Run(int kc, float* a, nint aRowStride, nint aDepthStride, float* b, nint bDepthStride, float* c, int ldc, bool overwrite, float beta)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Run512(kc, a, aRowStride, aDepthStride, b, bDepthStride, c, ldc, overwrite, beta);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Run256(kc, a, aRowStride, aDepthStride, b, bDepthStride, c, ldc, overwrite, beta);
        }
        else
        {
            RunScalar(kc, a, aRowStride, aDepthStride, b, bDepthStride, c, ldc, overwrite, beta);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run512(int kc, float* a, nint rs, nint ds, float* b, nint bs, float* c, int ldc, bool overwrite, float beta)
    {
        var a0 = a + 0 * rs;
        var a1 = a + 1 * rs;
        var a2 = a + 2 * rs;
        var a3 = a + 3 * rs;
        var a4 = a + 4 * rs;
        var a5 = a + 5 * rs;
        var a6 = a + 6 * rs;
        var a7 = a + 7 * rs;

        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<float> c60 = default, c61 = default, c70 = default, c71 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var x = Vector512.Create(*a0);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(*a1);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(*a2);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(*a3);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(*a4);
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(*a5);
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(*a6);
            c60 = Vector512.FusedMultiplyAdd(x, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(*a7);
            c70 = Vector512.FusedMultiplyAdd(x, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
            a0 += ds;
            a1 += ds;
            a2 += ds;
            a3 += ds;
            a4 += ds;
            a5 += ds;
            a6 += ds;
            a7 += ds;
            b += bs;
        }
        Store512(c, c00, c01, overwrite, beta);
        Store512(c + ldc, c10, c11, overwrite, beta);
        Store512(c + 2 * ldc, c20, c21, overwrite, beta);
        Store512(c + 3 * ldc, c30, c31, overwrite, beta);
        Store512(c + 4 * ldc, c40, c41, overwrite, beta);
        Store512(c + 5 * ldc, c50, c51, overwrite, beta);
        Store512(c + 6 * ldc, c60, c61, overwrite, beta);
        Store512(c + 7 * ldc, c70, c71, overwrite, beta);
    }

    private static void Store512(float* row, Vector512<float> left, Vector512<float> right, bool overwrite, float beta)
    {
        if (!overwrite)
        {
            if (beta == 1f)
            {
                left += Vector512.Load(row);
                right += Vector512.Load(row + 16);
            }
            else
            {
                left = Vector512.FusedMultiplyAdd(Vector512.Create(beta), Vector512.Load(row), left);
                right = Vector512.FusedMultiplyAdd(Vector512.Create(beta), Vector512.Load(row + 16), right);
            }
        }
        left.Store(row);
        right.Store(row + 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run256(int kc, float* a, nint rs, nint ds, float* b, nint bs, float* c, int ldc, bool overwrite, float beta)
    {
        var a0 = a + 0 * rs;
        var a1 = a + 1 * rs;
        var a2 = a + 2 * rs;
        var a3 = a + 3 * rs;
        var a4 = a + 4 * rs;
        var a5 = a + 5 * rs;

        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector256<float> c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var x = Vector256.Create(*a0);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(*a1);
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(*a2);
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(*a3);
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(*a4);
            c40 = Vector256.FusedMultiplyAdd(x, b0, c40);
            c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(*a5);
            c50 = Vector256.FusedMultiplyAdd(x, b0, c50);
            c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
            a0 += ds;
            a1 += ds;
            a2 += ds;
            a3 += ds;
            a4 += ds;
            a5 += ds;
            b += bs;
        }
        Store256(c, c00, c01, overwrite, beta);
        Store256(c + ldc, c10, c11, overwrite, beta);
        Store256(c + 2 * ldc, c20, c21, overwrite, beta);
        Store256(c + 3 * ldc, c30, c31, overwrite, beta);
        Store256(c + 4 * ldc, c40, c41, overwrite, beta);
        Store256(c + 5 * ldc, c50, c51, overwrite, beta);
    }

    private static void Store256(float* row, Vector256<float> left, Vector256<float> right, bool overwrite, float beta)
    {
        if (!overwrite)
        {
            if (beta == 1f)
            {
                left += Vector256.Load(row);
                right += Vector256.Load(row + 8);
            }
            else
            {
                left = Vector256.FusedMultiplyAdd(Vector256.Create(beta), Vector256.Load(row), left);
                right = Vector256.FusedMultiplyAdd(Vector256.Create(beta), Vector256.Load(row + 8), right);
            }
        }
        left.Store(row);
        right.Store(row + 8);
    }

    private static void RunScalar(int kc, float* a, nint rs, nint ds, float* b, nint bs, float* c, int ldc, bool overwrite, float beta)
    {
        var rows = Rows;
        var columns = Columns;
        var accumulators = stackalloc float[rows * columns];
        new Span<float>(accumulators, rows * columns).Clear();
        for (var p = 0; p < kc; p++)
        {
            for (var i = 0; i < rows; i++)
            {
                var x = a[i * rs];
                for (var j = 0; j < columns; j++)
                {
                    accumulators[i * columns + j] = MathF.FusedMultiplyAdd(x, b[j], accumulators[i * columns + j]);
                }
            }
            a += ds;
            b += bs;
        }
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var value = accumulators[i * columns + j];
                c[i * ldc + j] = overwrite ? value : (beta == 1f ? c[i * ldc + j] + value : MathF.FusedMultiplyAdd(beta, c[i * ldc + j], value));
            }
        }
    }
}
