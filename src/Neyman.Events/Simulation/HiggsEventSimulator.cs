using System.Runtime.CompilerServices;
using Neyman.Core;
using Neyman.Core.Kernels;
using Neyman.Events.Kinematics;

namespace Neyman.Events.Simulation;

/// <summary>
/// One attempt of the <c>higgs</c> process: truth from <see cref="HiggsHardProcess"/>, then the fast detector
/// (energy smearing, acceptance, b-tagging, missing transverse momentum), the selection (exactly one lepton, at least
/// four jets) and the 28 features. The detector draws the same random numbers for every setting of the systematic
/// knobs: a knob rescales a deviate, it never changes how many are drawn.
/// </summary>
[SkipLocalsInit]
internal sealed class HiggsEventSimulator
{
    /// <summary>The number of features per event.</summary>
    public const int FeatureCount = 28;

    /// <summary>
    /// Azimuths per event (lepton, missing momentum, jets 1-4): <see cref="Simulate"/> leaves their momentum components
    /// (y, x) for <see cref="CompleteAzimuths"/>, which takes the arctangents of many events at once.
    /// </summary>
    public const int AzimuthCount = 6;

    // Where the azimuths go among the features.
    private static ReadOnlySpan<int> AzimuthSlots => [2, 4, 7, 11, 15, 19];

    private readonly HiggsOptions _options;
    private readonly HiggsHardProcess _hardProcess;
    private readonly double _sinhEtaAcceptance;
    private readonly double _bTagEfficiency;

    public HiggsEventSimulator(HiggsOptions options)
    {
        options.Validate();
        _options = options;
        _hardProcess = new HiggsHardProcess(options);
        _sinhEtaAcceptance = Math.Sinh(options.EtaAcceptance);
        _bTagEfficiency = Math.Min(1.0, options.BTagEfficiency * options.BTagEfficiencyScale);
    }

    /// <summary>
    /// Simulates one attempt and returns true when the event passes the selection; then it has written the features
    /// except the azimuths, whose (y, x) momentum components it has written to <paramref name="azimuthY"/> and
    /// <paramref name="azimuthX"/> (<see cref="AzimuthCount"/> each) for <see cref="CompleteAzimuths"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Simulate(bool signal, RandomStream truth, RandomStream detector, Span<float> features, Span<double> azimuthY, Span<double> azimuthX)
    {
        Span<Parton> partons = stackalloc Parton[_hardProcess.MaximumPartons];
        var count = _hardProcess.Generate(signal, truth, out var trueLepton, out var neutrino, partons);

        // Smearing scales four-momenta, so pseudorapidities are those of the truth: an event without the lepton and four
        // partons inside the acceptance can never be selected, whatever the knobs, and needs no detector numbers.
        if (!InsideEta(trueLepton) || CountInsideEta(partons[..count]) < 4)
        {
            return false;
        }

        // Missing transverse momentum: the neutrino plus every mismeasurement (true minus reconstructed) plus a soft term.
        var missingX = neutrino.Px;
        var missingY = neutrino.Py;

        var leptonFactor = Math.Max(0.0, 1.0 + Resolution(trueLepton.E, _options.LeptonResolutionStochastic, _options.LeptonResolutionConstant) * detector.NextGaussianPolar());
        var lepton = leptonFactor * trueLepton;
        missingX += trueLepton.Px - lepton.Px;
        missingY += trueLepton.Py - lepton.Py;
        // No knob acts on the lepton, so stopping here draws the same numbers for every knob setting.
        if (!Accepted(lepton, _options.LeptonPtThreshold))
        {
            return false;
        }

        Span<LorentzVector> jets = stackalloc LorentzVector[count];
        Span<bool> tags = stackalloc bool[count];
        var jetCount = 0;
        for (var i = 0; i < count; i++)
        {
            var parton = partons[i].Momentum;
            var deviate = detector.NextGaussianPolar();
            var tagDraw = detector.NextDouble();
            var sigma = Resolution(parton.E, _options.JetResolutionStochastic, _options.JetResolutionConstant);
            var factor = Math.Max(0.0, _options.JetEnergyScale * (1.0 + _options.JetEnergyResolutionScale * sigma * deviate));
            var jet = factor * parton;
            missingX += parton.Px - jet.Px;
            missingY += parton.Py - jet.Py;
            if (Accepted(jet, _options.JetPtThreshold))
            {
                jets[jetCount] = jet;
                tags[jetCount] = tagDraw < (partons[i].IsBottom ? _bTagEfficiency : _options.MistagRate);
                jetCount++;
            }
        }
        missingX += _options.MissingEnergySoftResolution * detector.NextGaussianPolar();
        missingY += _options.MissingEnergySoftResolution * detector.NextGaussianPolar();

        if (jetCount < 4)
        {
            return false;
        }
        SortByPt(jets[..jetCount], tags[..jetCount]);
        WriteFeatures(lepton, missingX, missingY, jets[..4], tags[..4], features);
        azimuthY[0] = lepton.Py;
        azimuthX[0] = lepton.Px;
        azimuthY[1] = missingY;
        azimuthX[1] = missingX;
        for (var j = 0; j < 4; j++)
        {
            azimuthY[2 + j] = jets[j].Py;
            azimuthX[2 + j] = jets[j].Px;
        }
        return true;
    }

    /// <summary>
    /// Writes the azimuths atan2(y, x) of <paramref name="events"/> consecutive events, whose components
    /// <see cref="Simulate"/> left in <paramref name="azimuthY"/> and <paramref name="azimuthX"/>, into their feature rows;
    /// <paramref name="scratch"/> holds at least as many values as the components.
    /// </summary>
    public static void CompleteAzimuths(ReadOnlySpan<double> azimuthY, ReadOnlySpan<double> azimuthX, Span<double> scratch, Span<float> features, int events)
    {
        var count = events * AzimuthCount;
        var angles = scratch[..count];
        DoubleMath.Atan2(azimuthY[..count], azimuthX[..count], angles);
        for (var e = 0; e < events; e++)
        {
            var row = features.Slice(e * FeatureCount, FeatureCount);
            for (var k = 0; k < AzimuthCount; k++)
            {
                row[AzimuthSlots[k]] = (float)angles[(e * AzimuthCount) + k];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteFeatures(LorentzVector lepton, double missingX, double missingY,
        ReadOnlySpan<LorentzVector> jets, ReadOnlySpan<bool> tags, Span<float> features)
    {
        features[0] = (float)lepton.Pt;
        features[1] = (float)Pseudorapidity(lepton);
        var missing = Math.Sqrt(missingX * missingX + missingY * missingY);
        features[3] = (float)missing;
        for (var j = 0; j < 4; j++)
        {
            features[5 + 4 * j] = (float)jets[j].Pt;
            features[6 + 4 * j] = (float)Pseudorapidity(jets[j]);
            features[8 + 4 * j] = tags[j] ? 1f : 0f;
        }
        var pz = HiggsReconstruction.NeutrinoPz(lepton, missingX, missingY);
        var neutrino = new LorentzVector(missingX, missingY, pz, Math.Sqrt(missing * missing + pz * pz));
        Span<double> masses = stackalloc double[HiggsReconstruction.MassCount];
        HiggsReconstruction.HighLevelMasses(lepton, neutrino, jets, tags, masses);
        for (var m = 0; m < HiggsReconstruction.MassCount; m++)
        {
            features[21 + m] = (float)masses[m];
        }
    }

    // asinh(pz / pT) written as sign(pz) ln((|p| + |pz|) / pT): one logarithm, no cancellation (pT > 0 after the selection).
    private static double Pseudorapidity(LorentzVector v)
    {
        var pt = v.Pt;
        var eta = Math.Log((v.P + Math.Abs(v.Pz)) / pt);
        return v.Pz < 0 ? -eta : eta;
    }

    // sigma/E = a/sqrt(E) + b.
    private static double Resolution(double energy, double stochastic, double constant) =>
        stochastic / Math.Sqrt(Math.Max(energy, 1e-9)) + constant;

    // pT above threshold and |eta| below the acceptance, written without asinh: |pz| < pT sinh(eta_max).
    private bool Accepted(LorentzVector p, double ptThreshold)
    {
        var pt = p.Pt;
        return pt > ptThreshold && Math.Abs(p.Pz) < pt * _sinhEtaAcceptance;
    }

    private bool InsideEta(LorentzVector p) => Math.Abs(p.Pz) < p.Pt * _sinhEtaAcceptance;

    private int CountInsideEta(ReadOnlySpan<Parton> partons)
    {
        var inside = 0;
        foreach (var parton in partons)
        {
            inside += InsideEta(parton.Momentum) ? 1 : 0;
        }
        return inside;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortByPt(Span<LorentzVector> jets, Span<bool> tags)
    {
        for (var i = 1; i < jets.Length; i++)
        {
            var jet = jets[i];
            var tag = tags[i];
            var pt2 = jet.Pt2;
            var k = i - 1;
            while (k >= 0 && jets[k].Pt2 < pt2)
            {
                jets[k + 1] = jets[k];
                tags[k + 1] = tags[k];
                k--;
            }
            jets[k + 1] = jet;
            tags[k + 1] = tag;
        }
    }
}
