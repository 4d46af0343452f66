using Neyman.Core.Kernels;

namespace Neyman.Core.Tests.Kernels;

public class DoubleMathTests
{
    // The buffer overloads use the vector formulas (else the library functions) on hardware with AVX2 and FMA.
    private static bool Accelerated => System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Fma.IsSupported;

    // Distance in units in the last place of the reference value (the library's, itself within about half an ulp).
    private static double Ulps(double value, double reference)
    {
        if (value == reference)
        {
            return 0;
        }
        return Math.Abs(value - reference) / (Math.BitIncrement(Math.Abs(reference)) - Math.Abs(reference));
    }

    private static (double[] Y, double[] X) AnglePairs()
    {
        var random = new Random(7);
        var y = new List<double>();
        var x = new List<double>();
        void Add(double a, double b)
        {
            y.Add(a);
            x.Add(b);
        }
        for (var i = 0; i < 200_000; i++)
        {
            // Components of a momentum: signs and magnitudes over several decades, including near-equal |x| and |y|.
            var scale = Math.Pow(10, random.NextDouble() * 8 - 4);
            var a = (random.NextDouble() * 2 - 1) * scale;
            var b = i % 5 == 0 ? a * (1 + (random.NextDouble() - 0.5) * 1e-6) * (random.Next(2) * 2 - 1) : (random.NextDouble() * 2 - 1) * scale;
            Add(a, b);
        }
        // The reduction boundaries tan(pi/16), tan(3pi/16) and the octant edges, each side of them.
        foreach (var t in new[] { 0.198912367379658, 0.6681786379192989, 1.0, 0.41421356237309503, 1e-300, 1e-20 })
        {
            foreach (var r in new[] { Math.BitDecrement(t), t, Math.BitIncrement(t) })
            {
                Add(r, 1);
                Add(1, r);
                Add(-r, 3);
                Add(r * 7, -7);
                Add(-5, -5 * r);
            }
        }
        return ([.. y], [.. x]);
    }

    [Fact]
    public void Atan2_is_within_2_ulp_of_the_library_and_vector_matches_scalar()
    {
        var (y, x) = AnglePairs();
        var result = new double[x.Length];
        DoubleMath.Atan2(y, x, result);
        var worst = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var reference = Math.Atan2(y[i], x[i]);
            worst = Math.Max(worst, Ulps(result[i], reference));
            Assert.True(Ulps(result[i], reference) <= 2, $"atan2({y[i]:R}, {x[i]:R}) = {result[i]:R}, library {reference:R}");
            if (Accelerated)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(DoubleMath.Atan2(y[i], x[i])), BitConverter.DoubleToInt64Bits(result[i]));
            }
            Assert.True(Ulps(DoubleMath.Atan2(y[i], x[i]), reference) <= 2, $"scalar atan2({y[i]:R}, {x[i]:R})");
        }
        Assert.True(worst > 0 || !Accelerated, "the comparison is not vacuous: some values differ by rounding");
    }

    [Fact]
    public void Atan2_follows_the_ieee_conventions_for_special_values()
    {
        (double Y, double X)[] cases =
        [
            (0.0, 1.0),
            (-0.0, 1.0),
            (0.0, -1.0),
            (-0.0, -1.0),
            (0.0, 0.0),
            (-0.0, 0.0),
            (0.0, -0.0),
            (-0.0, -0.0),
            (1.0, 0.0),
            (-1.0, -0.0),
            (double.PositiveInfinity, 1.0),
            (double.NegativeInfinity, -1.0),
            (1.0, double.PositiveInfinity),
            (1.0, double.NegativeInfinity),
            (-1.0, double.NegativeInfinity),
            (double.PositiveInfinity, double.PositiveInfinity),
            (double.PositiveInfinity, double.NegativeInfinity),
            (double.NegativeInfinity, double.NegativeInfinity),
            (double.NaN, 1.0),
            (1.0, double.NaN),
            (1.0, 1.0),
            (-1.0, -1.0),
        ];
        foreach (var (y, x) in cases)
        {
            CheckSpecialAtan2(y, x);
        }
    }

    private static void CheckSpecialAtan2(double y, double x)
    {
        var reference = Math.Atan2(y, x);
        var vector = new double[4];
        DoubleMath.Atan2([y, y, y, y], [x, x, x, x], vector);
        foreach (var value in new[] { DoubleMath.Atan2(y, x), vector[0] })
        {
            if (double.IsNaN(reference))
            {
                Assert.True(double.IsNaN(value));
            }
            else
            {
                Assert.Equal(double.IsNegative(reference), double.IsNegative(value));
                Assert.True(Ulps(value, reference) <= 1, $"atan2({y:R}, {x:R}) = {value:R}, library {reference:R}");
            }
        }
    }

    [Fact]
    public void Log_is_within_2_ulp_of_the_library_and_vector_matches_scalar()
    {
        var random = new Random(11);
        var values = new List<double>();
        for (var i = 0; i < 200_000; i++)
        {
            values.Add(i % 3 switch
            {
                0 => Math.Exp(random.NextDouble() * 1400 - 700),
                1 => 1 + (random.NextDouble() - 0.5) * Math.Pow(10, -random.NextDouble() * 12),
                _ => 1 + random.NextDouble() * 30,
            });
        }
        // Subnormals, the largest value, the mantissa fold at sqrt(2), powers of two.
        values.AddRange([double.Epsilon, 3e-310, 2.2250738585072014e-308, Math.BitDecrement(2.2250738585072014e-308), double.MaxValue,
            1.4142135623730951, Math.BitIncrement(1.4142135623730951), Math.BitDecrement(1.4142135623730951), 0.5, 1, 2, 1024, Math.BitIncrement(1.0), Math.BitDecrement(1.0)]);
        var input = values.ToArray();
        var result = new double[input.Length];
        DoubleMath.Log(input, result);
        var worst = 0.0;
        for (var i = 0; i < input.Length; i++)
        {
            var reference = Math.Log(input[i]);
            worst = Math.Max(worst, Ulps(result[i], reference));
            Assert.True(Ulps(result[i], reference) <= 2, $"log({input[i]:R}) = {result[i]:R}, library {reference:R}");
            if (Accelerated)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(DoubleMath.Log(input[i])), BitConverter.DoubleToInt64Bits(result[i]));
            }
            Assert.True(Ulps(DoubleMath.Log(input[i]), reference) <= 2, $"scalar log({input[i]:R})");
        }
        Assert.True(worst > 0 || !Accelerated, "the comparison is not vacuous: some values differ by rounding");
        Assert.Equal(0.0, DoubleMath.Log(1.0));
    }

    [Fact]
    public void Log_of_special_values()
    {
        (double X, double Expected)[] cases =
        [
            (0.0, double.NegativeInfinity),
            (-0.0, double.NegativeInfinity),
            (double.PositiveInfinity, double.PositiveInfinity),
            (-1.0, double.NaN),
            (double.NegativeInfinity, double.NaN),
            (double.NaN, double.NaN),
        ];
        foreach (var (x, expected) in cases)
        {
            var vector = new double[5];
            DoubleMath.Log([x, x, x, x, x], vector);
            Assert.Equal(expected, DoubleMath.Log(x));
            Assert.Equal(expected, vector[0]);
            Assert.Equal(expected, vector[4]);
        }
    }
}
