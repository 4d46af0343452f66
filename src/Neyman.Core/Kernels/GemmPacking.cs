using System.Runtime.Intrinsics.X86;

namespace Neyman.Core.Kernels;

/// <summary>
/// Copies blocks of the GEMM operands into the contiguous layouts the micro-kernel streams through:
/// A as slivers of MR rows (row index fastest, then depth), B as panels of NR columns (column index
/// fastest, then depth). Missing rows and columns at the edges are zero so the kernel never branches.
/// </summary>
internal static class GemmPacking
{
    /// <summary>Packs rows [i0, i0 + rows) and depth [p0, p0 + kc) of op(A) into slivers of <paramref name="mr"/> rows.</summary>
    public static void PackA(bool transpose, float[] a, int offset, int lda, int i0, int rows, int p0, int kc, int mr, Span<float> destination)
    {
        var slivers = (rows + mr - 1) / mr;
        for (var sliver = 0; sliver < slivers; sliver++)
        {
            var start = sliver * mr;
            var height = Math.Min(mr, rows - start);
            var target = destination.Slice(sliver * kc * mr, kc * mr);
            if (height < mr)
            {
                target.Clear();
            }
            if (transpose)
            {
                // A is stored k×m: a depth step is a stored row, rows of op(A) are contiguous in it.
                for (var p = 0; p < kc; p++)
                {
                    a.AsSpan(offset + (p0 + p) * lda + i0 + start, height).CopyTo(target.Slice(p * mr, height));
                }
            }
            else
            {
                for (var r = 0; r < height; r++)
                {
                    var source = a.AsSpan(offset + (i0 + start + r) * lda + p0, kc);
                    for (var p = 0; p < kc; p++)
                    {
                        target[p * mr + r] = source[p];
                    }
                }
            }
        }
    }

    /// <summary>Packs depth [p0, p0 + kc) and columns [j0, j0 + width) of op(B) into one panel of <paramref name="nr"/> columns.</summary>
    public static void PackB(bool transpose, float[] b, int offset, int ldb, int p0, int kc, int j0, int width, int nr, Span<float> destination)
    {
        if (width < nr)
        {
            destination.Clear();
        }
        if (transpose)
        {
            // B is stored n×k: a column of op(B) is a stored row, scattered into the panel with stride nr.
            Preconditions.CheckArgument(destination.Length >= kc * nr && offset + (long)(j0 + width - 1) * ldb + p0 + kc <= b.Length, "expected the panel inside the buffers");
            unsafe
            {
                fixed (float* source = b, target = destination)
                {
                    var q = 0;
                    if (Avx.IsSupported)
                    {
                        for (; q + 8 <= width; q += 8)
                        {
                            TransposeEightColumns(source + offset + (long)(j0 + q) * ldb + p0, ldb, kc, target + q, nr);
                        }
                    }
                    for (; q < width; q++)
                    {
                        var from = source + offset + (long)(j0 + q) * ldb + p0;
                        var to = target + q;
                        var p = 0;
                        for (; p + 4 <= kc; p += 4)
                        {
                            to[p * nr] = from[p];
                            to[(p + 1) * nr] = from[p + 1];
                            to[(p + 2) * nr] = from[p + 2];
                            to[(p + 3) * nr] = from[p + 3];
                        }
                        for (; p < kc; p++)
                        {
                            to[p * nr] = from[p];
                        }
                    }
                }
            }
        }
        else
        {
            for (var p = 0; p < kc; p++)
            {
                b.AsSpan(offset + (p0 + p) * ldb + j0, width).CopyTo(destination.Slice(p * nr, width));
            }
        }
    }

    /// <summary>
    /// Scatters 8 stored rows of a transposed B (8 columns of op(B), each <paramref name="kc"/> long) into a panel,
    /// transposing 8×8 blocks in registers (unpack, shuffle, swap 128-bit halves).
    /// </summary>
    private static unsafe void TransposeEightColumns(float* source, int ldb, int kc, float* target, int nr)
    {
        var p = 0;
        for (; p + 8 <= kc; p += 8)
        {
            var r0 = Avx.LoadVector256(source + p);
            var r1 = Avx.LoadVector256(source + ldb + p);
            var r2 = Avx.LoadVector256(source + 2 * ldb + p);
            var r3 = Avx.LoadVector256(source + 3 * ldb + p);
            var r4 = Avx.LoadVector256(source + 4 * ldb + p);
            var r5 = Avx.LoadVector256(source + 5 * ldb + p);
            var r6 = Avx.LoadVector256(source + 6 * ldb + p);
            var r7 = Avx.LoadVector256(source + 7 * ldb + p);
            var t0 = Avx.UnpackLow(r0, r1);
            var t1 = Avx.UnpackHigh(r0, r1);
            var t2 = Avx.UnpackLow(r2, r3);
            var t3 = Avx.UnpackHigh(r2, r3);
            var t4 = Avx.UnpackLow(r4, r5);
            var t5 = Avx.UnpackHigh(r4, r5);
            var t6 = Avx.UnpackLow(r6, r7);
            var t7 = Avx.UnpackHigh(r6, r7);
            var s0 = Avx.Shuffle(t0, t2, 0x44);
            var s1 = Avx.Shuffle(t0, t2, 0xEE);
            var s2 = Avx.Shuffle(t1, t3, 0x44);
            var s3 = Avx.Shuffle(t1, t3, 0xEE);
            var s4 = Avx.Shuffle(t4, t6, 0x44);
            var s5 = Avx.Shuffle(t4, t6, 0xEE);
            var s6 = Avx.Shuffle(t5, t7, 0x44);
            var s7 = Avx.Shuffle(t5, t7, 0xEE);
            var row = target + p * nr;
            Avx.Store(row, Avx.Permute2x128(s0, s4, 0x20));
            Avx.Store(row + nr, Avx.Permute2x128(s1, s5, 0x20));
            Avx.Store(row + 2 * nr, Avx.Permute2x128(s2, s6, 0x20));
            Avx.Store(row + 3 * nr, Avx.Permute2x128(s3, s7, 0x20));
            Avx.Store(row + 4 * nr, Avx.Permute2x128(s0, s4, 0x31));
            Avx.Store(row + 5 * nr, Avx.Permute2x128(s1, s5, 0x31));
            Avx.Store(row + 6 * nr, Avx.Permute2x128(s2, s6, 0x31));
            Avx.Store(row + 7 * nr, Avx.Permute2x128(s3, s7, 0x31));
        }
        for (; p < kc; p++)
        {
            for (var q = 0; q < 8; q++)
            {
                target[p * nr + q] = source[q * ldb + p];
            }
        }
    }
}
