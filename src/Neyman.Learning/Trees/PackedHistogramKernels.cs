using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Neyman.Learning.Trees;

/// <summary>
/// The hot loops of quantized histograms: for up to four features per pass over a node's rows, each event's gradient
/// code expanded into a packed word (<see cref="QuantizedGradients.Word"/>) and added to the partial sum of its bin,
/// one integer addition per event and feature. Bins are bytes, so every partial index stays inside its 256 entries.
/// </summary>
internal static class PackedHistogramKernels
{
    private const int BinsPerFeature = GradientHistogram.BinsPerFeature;

    /// <summary>
    /// Adds packed words of up to four features into integer partial sums (256 per feature, feature j at j * 256),
    /// for at most <see cref="QuantizedGradients.ChunkRows"/> rows: rows[0..count), or firstRow + 0..count when the
    /// list is empty (codes then from codes[0], else by row).
    /// </summary>
    /// <param name="features">One to four feature indices.</param>
    /// <param name="columns">The bins of every feature, indexed by row.</param>
    /// <param name="rows">The rows, or empty for consecutive rows.</param>
    /// <param name="firstRow">The first of the consecutive rows.</param>
    /// <param name="count">How many consecutive rows.</param>
    /// <param name="codes">The codes: indexed by row with a row list, of the consecutive rows otherwise.</param>
    /// <param name="partial">The partial sums added to.</param>
    internal static void AddPacked(
        ReadOnlySpan<int> features, IReadOnlyList<byte[]> columns, ReadOnlySpan<int> rows, int firstRow, int count, ReadOnlySpan<ushort> codes, Span<long> partial)
    {
        if (features.Length is < 1 or > 4 || partial.Length < features.Length * BinsPerFeature)
        {
            throw new ArgumentException("One to four features and their partial sums are required.", nameof(features));
        }

        var consecutive = rows.IsEmpty;
        var chunkCodes = consecutive ? codes[..count] : codes;
        switch (features.Length)
        {
            case 4 when consecutive:
                AddFourConsecutive(columns, features, firstRow, chunkCodes, partial);
                break;
            case 4:
                AddFour(columns, features, rows, chunkCodes, partial);
                break;
            default:
                for (var j = 0; j < features.Length; j++)
                {
                    var one = partial.Slice(j * BinsPerFeature, BinsPerFeature);
                    if (consecutive)
                    {
                        AddOne(columns[features[j]].AsSpan(firstRow, count), chunkCodes, one);
                    }
                    else
                    {
                        AddOne(columns[features[j]], rows, chunkCodes, one);
                    }
                }

                break;
        }
    }

    private static void AddFour(IReadOnlyList<byte[]> columns, ReadOnlySpan<int> features, ReadOnlySpan<int> rows, ReadOnlySpan<ushort> codes, Span<long> partial)
    {
        // Bins are bytes, so every partial index stays inside its 256 entries; the row indices are checked once, against
        // the columns and the codes.
        byte[] c0 = columns[features[0]], c1 = columns[features[1]], c2 = columns[features[2]], c3 = columns[features[3]];
        var length = Math.Min(Math.Min(Math.Min(c0.Length, c1.Length), Math.Min(c2.Length, c3.Length)), codes.Length);
        ref var p0 = ref MemoryMarshal.GetReference(partial);
        ref var p1 = ref Unsafe.Add(ref p0, BinsPerFeature);
        ref var p2 = ref Unsafe.Add(ref p0, 2 * BinsPerFeature);
        ref var p3 = ref Unsafe.Add(ref p0, 3 * BinsPerFeature);
        ref var b0 = ref MemoryMarshal.GetArrayDataReference(c0);
        ref var b1 = ref MemoryMarshal.GetArrayDataReference(c1);
        ref var b2 = ref MemoryMarshal.GetArrayDataReference(c2);
        ref var b3 = ref MemoryMarshal.GetArrayDataReference(c3);
        ref var code = ref MemoryMarshal.GetReference(codes);
        for (var i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            if ((uint)r >= (uint)length)
            {
                throw new ArgumentOutOfRangeException(nameof(rows));
            }

            var v = QuantizedGradients.Word(Unsafe.Add(ref code, r));
            Unsafe.Add(ref p0, Unsafe.Add(ref b0, r)) += v;
            Unsafe.Add(ref p1, Unsafe.Add(ref b1, r)) += v;
            Unsafe.Add(ref p2, Unsafe.Add(ref b2, r)) += v;
            Unsafe.Add(ref p3, Unsafe.Add(ref b3, r)) += v;
        }
    }

    // AddFour for consecutive rows: the bins are read in order, with no row list.
    private static void AddFourConsecutive(IReadOnlyList<byte[]> columns, ReadOnlySpan<int> features, int firstRow, ReadOnlySpan<ushort> codes, Span<long> partial)
    {
        ReadOnlySpan<byte> c0 = columns[features[0]].AsSpan(firstRow, codes.Length), c1 = columns[features[1]].AsSpan(firstRow, codes.Length);
        ReadOnlySpan<byte> c2 = columns[features[2]].AsSpan(firstRow, codes.Length), c3 = columns[features[3]].AsSpan(firstRow, codes.Length);
        ref var p0 = ref MemoryMarshal.GetReference(partial);
        ref var p1 = ref Unsafe.Add(ref p0, BinsPerFeature);
        ref var p2 = ref Unsafe.Add(ref p0, 2 * BinsPerFeature);
        ref var p3 = ref Unsafe.Add(ref p0, 3 * BinsPerFeature);
        ref var b0 = ref MemoryMarshal.GetReference(c0);
        ref var b1 = ref MemoryMarshal.GetReference(c1);
        ref var b2 = ref MemoryMarshal.GetReference(c2);
        ref var b3 = ref MemoryMarshal.GetReference(c3);
        ref var code = ref MemoryMarshal.GetReference(codes);
        for (var i = 0; i < codes.Length; i++)
        {
            var v = QuantizedGradients.Word(Unsafe.Add(ref code, i));
            Unsafe.Add(ref p0, Unsafe.Add(ref b0, i)) += v;
            Unsafe.Add(ref p1, Unsafe.Add(ref b1, i)) += v;
            Unsafe.Add(ref p2, Unsafe.Add(ref b2, i)) += v;
            Unsafe.Add(ref p3, Unsafe.Add(ref b3, i)) += v;
        }
    }

    private static void AddOne(ReadOnlySpan<byte> bins, ReadOnlySpan<ushort> codes, Span<long> partial)
    {
        ref var p = ref MemoryMarshal.GetReference(partial);
        for (var i = 0; i < bins.Length; i++)
        {
            Unsafe.Add(ref p, bins[i]) += QuantizedGradients.Word(codes[i]);
        }
    }

    private static void AddOne(byte[] column, ReadOnlySpan<int> rows, ReadOnlySpan<ushort> codes, Span<long> partial)
    {
        ref var p = ref MemoryMarshal.GetReference(partial);
        foreach (var r in rows)
        {
            Unsafe.Add(ref p, column[r]) += QuantizedGradients.Word(codes[r]);
        }
    }
}
