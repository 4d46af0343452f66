using System.Runtime.CompilerServices;

namespace Neyman.Core;

/// <summary>
/// A seeded pseudo-random stream (xoshiro256**, seeded through SplitMix64).
/// Streams are addressed by (seed, stream index), so parallel work draws from a stream per block of
/// work, never per thread: the same seed gives the same bits whatever the thread count.
/// Not thread-safe: one instance belongs to one piece of work.
/// </summary>
public sealed class RandomStream
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareGaussian;
    private bool _hasSpare;
    private double _sparePolar;
    private bool _hasSparePolar;

    /// <summary>Creates the stream number <paramref name="stream"/> of the seed <paramref name="seed"/>.</summary>
    public RandomStream(ulong seed, ulong stream = 0)
    {
        var state = SplitMix64.Mix(seed ^ SplitMix64.Mix(stream + 0x632BE59BD9B4E019UL));
        _s0 = SplitMix64.Next(ref state);
        _s1 = SplitMix64.Next(ref state);
        _s2 = SplitMix64.Next(ref state);
        _s3 = SplitMix64.Next(ref state);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            _s0 = 1;
        }
    }

    /// <summary>Derives an independent child stream, for example one per block of events.</summary>
    public static RandomStream ForBlock(ulong seed, ulong purpose, ulong block) =>
        new(SplitMix64.Mix(seed + SplitMix64.Mix(purpose)), block);

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in (0, 1), safe for logarithms.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((NextUInt64() >> 12) + 0.5) * (1.0 / (1UL << 52));

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double NextUniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>A uniform integer in [0, <paramref name="count"/>), without modulo bias.</summary>
    public int NextInt(int count)
    {
        Preconditions.CheckPositive(count);
        return (int)((NextUInt64() >> 32) * (ulong)count >> 32);
    }

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool NextBernoulli(double probability) => NextDouble() < probability;

    /// <summary>A standard normal deviate (Box-Muller; pairs are used in order).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareGaussian;
        }
        var radius = Math.Sqrt(-2.0 * Math.Log(NextOpenDouble()));
        var (sin, cos) = Math.SinCos(2.0 * Math.PI * NextDouble());
        _spareGaussian = radius * sin;
        _hasSpare = true;
        return radius * cos;
    }

    /// <summary>
    /// A standard normal deviate by Marsaglia's polar method: a point uniform in the unit disk (by rejection) gives two
    /// deviates with one logarithm and one square root, no sine or cosine, which makes it cheaper than
    /// <see cref="NextGaussian()"/> (Box-Muller) in simulation loops. The number of uniforms drawn varies; the second
    /// deviate of a pair is kept for the next call (apart from the one of <see cref="NextGaussian()"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double NextGaussianPolar()
    {
        if (_hasSparePolar)
        {
            _hasSparePolar = false;
            return _sparePolar;
        }
        var s = NextInUnitDisk(out var u, out var v);
        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _sparePolar = v * factor;
        _hasSparePolar = true;
        return u * factor;
    }

    /// <summary>
    /// A point (<paramref name="u"/>, <paramref name="v"/>) uniform in the unit disk without its centre, by rejection from
    /// the enclosing square (two uniforms a try, 4/pi tries on average); returns u^2 + v^2, in (0, 1).
    /// </summary>
    public double NextInUnitDisk(out double u, out double v)
    {
        double s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        return s;
    }

    /// <summary>A normal deviate with the given mean and standard deviation.</summary>
    public double NextGaussian(double mean, double sigma) => mean + sigma * NextGaussian();

    /// <summary>An exponential deviate with the given mean.</summary>
    public double NextExponential(double mean) => -mean * Math.Log(NextOpenDouble());

    /// <summary>A Poisson deviate (inversion for small means, transformed rejection for large ones).</summary>
    public long NextPoisson(double mean)
    {
        Preconditions.CheckArgument(mean >= 0 && double.IsFinite(mean), "the Poisson mean must be finite and non-negative");
        if (mean == 0)
        {
            return 0;
        }
        if (mean < 30)
        {
            var limit = Math.Exp(-mean);
            long k = 0;
            var product = NextDouble();
            while (product > limit)
            {
                k++;
                product *= NextDouble();
            }
            return k;
        }
        return PoissonPtrs(mean);
    }

    // Hormann's PTRS transformed rejection (1993), valid for mean >= 10.
    private long PoissonPtrs(double mean)
    {
        var slam = Math.Sqrt(mean);
        var loglam = Math.Log(mean);
        var b = 0.931 + 2.53 * slam;
        var a = -0.059 + 0.02483 * b;
        var invalpha = 1.1239 + 1.1328 / (b - 3.4);
        var vr = 0.9277 - 3.6224 / (b - 2);
        while (true)
        {
            var u = NextDouble() - 0.5;
            var v = NextOpenDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr)
            {
                return (long)k;
            }
            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }
            if (Math.Log(v) + Math.Log(invalpha) - Math.Log(a / (us * us) + b) <= -mean + k * loglam - LogFactorial(k))
            {
                return (long)k;
            }
        }
    }

    private static double LogFactorial(double k) => SpecialFunctionsLite.LogGamma(k + 1);

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher-Yates).</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)((NextUInt64() >> 11) % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
