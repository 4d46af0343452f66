using System.Runtime.CompilerServices;

namespace Neyman.Learning.Evaluation;

/// <summary>
/// Stable sorts of doubles by least-significant-digit radix sort on the order-preserving 64-bit image of
/// each double: 11-bit digits, all digit histograms gathered in one read pass, and passes whose digit is
/// the same for every key skipped (scores that are float32 values have 29 zero low bits, so they need
/// about half the passes). A stable sort has a single answer, so the result does not depend on threads.
/// </summary>
internal static class RadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Digits = (64 + DigitBits - 1) / DigitBits;
    private const int ParallelThreshold = 1 << 16;

    /// <summary>Maps a double to an unsigned integer with the same order (-0.0 and +0.0 are made equal).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SortableBits(double value)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    /// <summary>The inverse of <see cref="SortableBits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FromSortableBits(ulong key) =>
        BitConverter.Int64BitsToDouble((long)((key & 0x8000_0000_0000_0000UL) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFUL : ~key));

    /// <summary>True when every value is exactly a float32 (as the scores a model writes), so 32-bit keys sort them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool AllSinglePrecision(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if ((double)(float)v != v)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The order-preserving 32-bit image of a value that is exactly a float32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint SortableBits32(double value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value == 0 ? 0f : (float)value);
        return (bits & 0x8000_0000U) != 0 ? ~bits : bits | 0x8000_0000U;
    }

    /// <summary>The indices of <paramref name="values"/> in ascending order of value; equal values keep their order.</summary>
    public static int[] AscendingOrder(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        if (AllSinglePrecision(values))
        {
            var keys32 = new uint[n];
            for (var i = 0; i < n; i++)
            {
                keys32[i] = SortableBits32(values[i]);
            }
            return SortOrder(keys32);
        }
        var keys = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = SortableBits(values[i]);
        }
        return SortOrder(keys);
    }

    private static int[] SortOrder<TKey>(TKey[] keys) where TKey : unmanaged, IComparable<TKey>
    {
        var n = keys.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }
        if (n < ParallelThreshold)
        {
            SortAny(keys.AsSpan(), order.AsSpan());
            return order;
        }
        var half = n / 2;
        Parallel.Invoke(() => SortAny(keys.AsSpan(0, half), order.AsSpan(0, half)), () => SortAny(keys.AsSpan(half), order.AsSpan(half)));
        return Merge(keys, order, half);
    }

    private static void SortAny<TKey>(Span<TKey> keys, Span<int> order) where TKey : unmanaged
    {
        if (typeof(TKey) == typeof(uint))
        {
            Sort(System.Runtime.InteropServices.MemoryMarshal.Cast<TKey, uint>(keys), order);
        }
        else
        {
            Sort(System.Runtime.InteropServices.MemoryMarshal.Cast<TKey, ulong>(keys), order);
        }
    }

    /// <summary>
    /// Sorts <see cref="SortableBits"/> images of scores ascending in place, moving <paramref name="payload"/> along;
    /// stable. When every score is a float32 (<paramref name="singlePrecision"/>), 32-bit keys are sorted (three
    /// passes) and widened back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SortScoreKeys<T>(Span<ulong> keys, Span<T> payload, bool singlePrecision) where T : unmanaged =>
        SortScoreKeys(keys, payload, singlePrecision, default, default);

    /// <summary>
    /// As <see cref="SortScoreKeys{T}(Span{ulong}, Span{T}, bool)"/>, with scratch memory (at least as long as the keys;
    /// the 32-bit keys of float32 scores live in the scratch keys too) instead of new arrays.
    /// </summary>
    public static void SortScoreKeys<T>(Span<ulong> keys, Span<T> payload, bool singlePrecision, Span<ulong> scratchKeys, Span<T> scratchPayload)
        where T : unmanaged
    {
        var n = keys.Length;
        if (!singlePrecision)
        {
            Sort(keys, payload, scratchKeys, scratchPayload);
            return;
        }
        // The 32-bit keys and their ping-pong buffer: the two halves of the scratch keys when given.
        var halves = scratchKeys.Length >= n ? System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, uint>(scratchKeys[..n]) : new uint[2 * n];
        var narrow = halves[..n];
        for (var k = 0; k < n; k++)
        {
            narrow[k] = SortableBits32(FromSortableBits(keys[k]));
        }
        Sort(narrow, payload, halves[n..], scratchPayload);
        for (var k = 0; k < n; k++)
        {
            var bits = (narrow[k] & 0x8000_0000U) != 0 ? narrow[k] & 0x7FFF_FFFFU : ~narrow[k];
            keys[k] = SortableBits(BitConverter.UInt32BitsToSingle(bits));
        }
    }

    /// <summary>Sorts the keys ascending in place, moving <paramref name="payload"/> along; stable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort<T>(Span<ulong> keys, Span<T> payload) where T : unmanaged =>
        Sort(keys, payload, default, default);

    /// <summary>As <see cref="Sort{T}(Span{ulong}, Span{T})"/>, ping-ponging through the given scratch (at least as long as the keys) instead of new arrays.</summary>
    public static void Sort<T>(Span<ulong> keys, Span<T> payload, Span<ulong> scratchKeys, Span<T> scratchPayload) where T : unmanaged
    {
        var count = keys.Length;
        if (count < 2)
        {
            return;
        }
        var histograms = new int[Digits * Buckets];
        foreach (var key in keys)
        {
            for (var d = 0; d < Digits; d++)
            {
                histograms[d * Buckets + ((int)(key >> (d * DigitBits)) & (Buckets - 1))]++;
            }
        }
        ScatterPasses(keys, payload, histograms, Digits, scratchKeys, scratchPayload);
    }

    /// <summary>Sorts 32-bit keys ascending in place (three passes at most), moving <paramref name="payload"/> along; stable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort<T>(Span<uint> keys, Span<T> payload) where T : unmanaged =>
        Sort(keys, payload, default, default);

    /// <summary>As <see cref="Sort{T}(Span{uint}, Span{T})"/>, ping-ponging through the given scratch (at least as long as the keys) instead of new arrays.</summary>
    public static void Sort<T>(Span<uint> keys, Span<T> payload, Span<uint> scratchKeys, Span<T> scratchPayload) where T : unmanaged
    {
        const int digits = 3;
        var count = keys.Length;
        if (count < 2)
        {
            return;
        }
        var histograms = new int[digits * Buckets];
        foreach (var key in keys)
        {
            histograms[(int)(key & (Buckets - 1))]++;
            histograms[Buckets + (int)((key >> DigitBits) & (Buckets - 1))]++;
            histograms[2 * Buckets + (int)(key >> (2 * DigitBits))]++;
        }
        ScatterPasses(keys, payload, histograms, digits, scratchKeys, scratchPayload);
    }

    /// <summary>
    /// The least-significant-digit passes shared by the 32- and 64-bit sorts, given each digit's bucket counts:
    /// a pass whose digit is the same for every key is skipped; keys and payload ping-pong between the input and
    /// one scratch buffer and end up back in the input.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScatterPasses<TKey, T>(Span<TKey> keys, Span<T> payload, int[] histograms, int digits, Span<TKey> scratchKeys, Span<T> scratchPayload)
        where TKey : unmanaged, System.Numerics.IBinaryInteger<TKey>
        where T : unmanaged
    {
        var count = keys.Length;
        Span<TKey> sourceKeys = keys, targetKeys = scratchKeys.Length >= count ? scratchKeys[..count] : new TKey[count];
        Span<T> sourcePayload = payload, targetPayload = scratchPayload.Length >= count ? scratchPayload[..count] : new T[count];
        var inBuffer = false;
        for (var d = 0; d < digits; d++)
        {
            var shift = d * DigitBits;
            var counts = histograms.AsSpan(d * Buckets, Buckets);
            if (counts[Bucket(sourceKeys[0], shift)] == count)
            {
                continue;
            }
            var total = 0;
            for (var b = 0; b < Buckets; b++)
            {
                var c = counts[b];
                counts[b] = total;
                total += c;
            }
            for (var i = 0; i < count; i++)
            {
                var key = sourceKeys[i];
                var position = counts[Bucket(key, shift)]++;
                targetKeys[position] = key;
                targetPayload[position] = sourcePayload[i];
            }
            var swapKeys = sourceKeys;
            sourceKeys = targetKeys;
            targetKeys = swapKeys;
            var swapPayload = sourcePayload;
            sourcePayload = targetPayload;
            targetPayload = swapPayload;
            inBuffer = !inBuffer;
        }
        if (inBuffer)
        {
            sourceKeys.CopyTo(keys);
            sourcePayload.CopyTo(payload);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket<TKey>(TKey key, int shift) where TKey : unmanaged, System.Numerics.IBinaryInteger<TKey> =>
        int.CreateTruncating(key >>> shift) & (Buckets - 1);

    // Merges the two sorted halves of the order by their keys.
    private static int[] Merge<TKey>(TKey[] keys, int[] order, int half) where TKey : unmanaged, IComparable<TKey>
    {
        var n = keys.Length;
        var result = new int[n];
        int i = 0, j = half, k = 0;
        while (i < half && j < n)
        {
            // Ties go to the left half, which holds the earlier indices: the merge stays stable.
            result[k++] = keys[j].CompareTo(keys[i]) < 0 ? order[j++] : order[i++];
        }
        order.AsSpan(i, half - i).CopyTo(result.AsSpan(k));
        k += half - i;
        order.AsSpan(j, n - j).CopyTo(result.AsSpan(k));
        return result;
    }
}
