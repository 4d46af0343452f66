using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Neyman.Core.Kernels;

namespace Neyman.Events.Simulation;

/// <summary>
/// The angle features of a group of accepted <c>higgs</c> events, kept as momentum components while the events are
/// simulated and turned into angles for the whole group at once with vector arithmetic: the azimuths of the lepton, the
/// missing momentum and jets 1-4 (atan2(py, px)), and the pseudorapidities of the lepton and jets 1-4
/// (sign(pz) ln((|p| + |pz|) / pT)). The values are those of the library functions to within 2 ulp before rounding to
/// float, and do not depend on where an event falls in a group.
/// </summary>
internal sealed class DeferredAngles
{
    /// <summary>Events per group.</summary>
    public const int Capacity = 64;

    private const int Azimuths = 6;
    private const int Pseudorapidities = 5;

    private readonly double[] _azimuthY = new double[Capacity * Azimuths];
    private readonly double[] _azimuthX = new double[Capacity * Azimuths];
    private readonly double[] _etaNumerator = new double[Capacity * Pseudorapidities];
    private readonly double[] _etaDenominator = new double[Capacity * Pseudorapidities];
    private readonly double[] _scratch = new double[Capacity * Azimuths];

    // Where the angles go among the 28 features: lepton, missing momentum, then jets 1-4.
    private static ReadOnlySpan<int> AzimuthSlots => [2, 4, 7, 11, 15, 19];

    private static ReadOnlySpan<int> PseudorapiditySlots => [1, 6, 10, 14, 18];

    /// <summary>Keeps azimuth <paramref name="index"/> (0 lepton, 1 missing momentum, 2-5 jets) of event <paramref name="slot"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetAzimuth(int slot, int index, double py, double px)
    {
        _azimuthY[(slot * Azimuths) + index] = py;
        _azimuthX[(slot * Azimuths) + index] = px;
    }

    /// <summary>
    /// Keeps pseudorapidity <paramref name="index"/> (0 lepton, 1-4 jets) of event <paramref name="slot"/> from the
    /// momentum's pz, |p| and pT (&gt; 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetPseudorapidity(int slot, int index, double pz, double p, double pt)
    {
        var numerator = p + Math.Abs(pz);
        _etaNumerator[(slot * Pseudorapidities) + index] = pz < 0 ? -numerator : numerator;
        _etaDenominator[(slot * Pseudorapidities) + index] = pt;
    }

    /// <summary>Writes the angles of the first <paramref name="events"/> events into their rows of <paramref name="features"/>.</summary>
    public void Complete(Span<float> features, int events)
    {
        var angles = _scratch.AsSpan(0, events * Azimuths);
        DoubleMath.Atan2(_azimuthY.AsSpan(0, angles.Length), _azimuthX.AsSpan(0, angles.Length), angles);
        Scatter(angles, AzimuthSlots, features, events);
        // eta = sign(pz) ln((|p| + |pz|) / pT): the sign travels on the numerator.
        var numerator = _etaNumerator.AsSpan(0, events * Pseudorapidities);
        var etas = _scratch.AsSpan(0, numerator.Length);
        TensorPrimitives.Abs(numerator, etas);
        TensorPrimitives.Divide(etas, _etaDenominator.AsSpan(0, numerator.Length), etas);
        DoubleMath.Log(etas, etas);
        TensorPrimitives.CopySign(etas, numerator, etas);
        Scatter(etas, PseudorapiditySlots, features, events);
    }

    private static void Scatter(ReadOnlySpan<double> values, ReadOnlySpan<int> slots, Span<float> features, int events)
    {
        var perEvent = slots.Length;
        for (var e = 0; e < events; e++)
        {
            var row = features.Slice(e * HiggsEventSimulator.FeatureCount, HiggsEventSimulator.FeatureCount);
            for (var k = 0; k < perEvent; k++)
            {
                row[slots[k]] = (float)values[(e * perEvent) + k];
            }
        }
    }
}
