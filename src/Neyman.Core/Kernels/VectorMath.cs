using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Neyman.Core.Kernels;

/// <summary>
/// Vectorized transcendental functions for network activations, where the library versions run element by
/// element. Each works on <see cref="Vector256{T}"/> with a scalar tail computing the same formula, so a value
/// does not depend on its position in the buffer. Accuracy: within 3e-7 absolute of the exact functions.
/// </summary>
public static class VectorMath
{
    private const float Log2E = 1.44269504088896341f;
    private const float Ln2High = 0.693145751953125f;
    private const float Ln2Low = 1.42860682030941723212e-6f;
    private const float SmallTanh = 0.3f;
    private const float SaturatedTanh = 9f;

    /// <summary>Writes tanh of each input; the output may alias the input.</summary>
    public static void Tanh(ReadOnlySpan<float> input, Span<float> output)
    {
        Preconditions.CheckArgument(output.Length == input.Length, "expected input and output of the same length");
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= input.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Tanh(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(input), (nuint)i)).StoreUnsafe(ref MemoryMarshal.GetReference(output), (nuint)i);
            }
        }
        for (; i < input.Length; i++)
        {
            output[i] = Tanh(input[i]);
        }
    }

    /// <summary>Writes the logistic sigmoid 1 / (1 + e^−x) = ½ + ½·tanh(x/2) of each input; the output may alias the input.</summary>
    public static void Sigmoid(ReadOnlySpan<float> input, Span<float> output)
    {
        Preconditions.CheckArgument(output.Length == input.Length, "expected input and output of the same length");
        var i = 0;
        var half = Vector256.Create<float>(0.5f);
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= input.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256.FusedMultiplyAdd(half, Tanh(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(input), (nuint)i) * half), half).StoreUnsafe(ref MemoryMarshal.GetReference(output), (nuint)i);
            }
        }
        for (; i < input.Length; i++)
        {
            output[i] = MathF.FusedMultiplyAdd(0.5f, Tanh(input[i] * 0.5f), 0.5f);
        }
    }

    /// <summary>tanh of one value by the same formula as the vector path.</summary>
    public static float Tanh(float x)
    {
        if (float.IsNaN(x))
        {
            return x;
        }
        var a = MathF.Min(MathF.Abs(x), SaturatedTanh);
        if (a < SmallTanh)
        {
            var x2 = x * x;
            return MathF.FusedMultiplyAdd(x * x2, OddSeries(x2), x);
        }
        var e = ExpPositive(2 * a);
        return MathF.CopySign(1f - 2f / (e + 1f), x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Tanh(Vector256<float> x)
    {
        var a = Vector256.Min(Vector256.Abs(x), Vector256.Create<float>(SaturatedTanh));
        var x2 = x * x;
        var series = Vector256.FusedMultiplyAdd(x * x2, OddSeries(x2), x);
        var e = ExpPositive(a + a);
        var one = Vector256<float>.One;
        var magnitude = one - Vector256.Create<float>(2f) / (e + one);
        var sign = (x.AsUInt32() & Vector256.Create(0x80000000u)).AsSingle();
        var large = (magnitude.AsUInt32() | sign.AsUInt32()).AsSingle();
        var result = Vector256.ConditionalSelect(Vector256.LessThan(a, Vector256.Create<float>(SmallTanh)), series, large);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    // tanh(x) = x + x³·S(x²) for small x, S the Taylor series −1/3 + 2/15·u − 17/315·u² + 62/2835·u³ − 1382/155925·u⁴.
    private static float OddSeries(float u) =>
        MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(-1382f / 155925f, u, 62f / 2835f), u, -17f / 315f), u, 2f / 15f), u, -1f / 3f);

    private static Vector256<float> OddSeries(Vector256<float> u) =>
        Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(
            Vector256.Create<float>(-1382f / 155925f), u, Vector256.Create<float>(62f / 2835f)), u, Vector256.Create<float>(-17f / 315f)), u, Vector256.Create<float>(2f / 15f)), u, Vector256.Create<float>(-1f / 3f));

    // e^y for 0 ≤ y ≤ 18: y = n·ln 2 + r with |r| ≤ ln 2 / 2, e^r by its Taylor series to r⁷, 2^n put in the exponent bits.
    private static float ExpPositive(float y)
    {
        var n = (int)MathF.FusedMultiplyAdd(y, Log2E, 0.5f);
        var r = MathF.FusedMultiplyAdd(-n, Ln2Low, MathF.FusedMultiplyAdd(-n, Ln2High, y));
        return ExpSeries(r) * BitConverter.Int32BitsToSingle((n + 127) << 23);
    }

    private static Vector256<float> ExpPositive(Vector256<float> y)
    {
        var n = Vector256.ConvertToInt32(Vector256.FusedMultiplyAdd(y, Vector256.Create<float>(Log2E), Vector256.Create<float>(0.5f)));
        var nf = Vector256.ConvertToSingle(n);
        var r = Vector256.FusedMultiplyAdd(-nf, Vector256.Create<float>(Ln2Low), Vector256.FusedMultiplyAdd(-nf, Vector256.Create<float>(Ln2High), y));
        var scale = Vector256.ShiftLeft(n + Vector256.Create(127), 23).AsSingle();
        return ExpSeries(r) * scale;
    }

    private static float ExpSeries(float r) =>
        MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(
            1f / 5040f, r, 1f / 720f), r, 1f / 120f), r, 1f / 24f), r, 1f / 6f), r, 0.5f), r, 1f), r, 1f);

    private static Vector256<float> ExpSeries(Vector256<float> r) =>
        Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(
            Vector256.Create<float>(1f / 5040f), r, Vector256.Create<float>(1f / 720f)), r, Vector256.Create<float>(1f / 120f)), r, Vector256.Create<float>(1f / 24f)), r,
            Vector256.Create<float>(1f / 6f)), r, Vector256.Create<float>(0.5f)), r, Vector256<float>.One), r, Vector256<float>.One);
}
