using System.Runtime.CompilerServices;
using Neyman.Core;
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
    /// except the angles, which it has left in <paramref name="angles"/> as event <paramref name="slot"/> of the group.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Simulate(bool signal, RandomStream truth, RandomStream detector, Span<float> features, DeferredAngles angles, int slot)
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
        WriteFeatures(lepton, missingX, missingY, jets[..4], tags[..4], features, angles, slot);
        return true;
    }

    // The features of a selected event; its angles go to the group (azimuth index 0 lepton, 1 missing momentum, 2-5 jets;
    // pseudorapidity index 0 lepton, 1-4 jets), each pT computed once for both.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteFeatures(LorentzVector lepton, double missingX, double missingY,
        ReadOnlySpan<LorentzVector> jets, ReadOnlySpan<bool> tags, Span<float> features, DeferredAngles angles, int slot)
    {
        var leptonPt = lepton.Pt;
        features[0] = (float)leptonPt;
        angles.SetAzimuth(slot, 0, lepton.Py, lepton.Px);
        angles.SetPseudorapidity(slot, 0, lepton.Pz, lepton.P, leptonPt);
        var missing = Math.Sqrt(missingX * missingX + missingY * missingY);
        features[3] = (float)missing;
        angles.SetAzimuth(slot, 1, missingY, missingX);
        for (var j = 0; j < 4; j++)
        {
            var jetPt = jets[j].Pt;
            features[5 + 4 * j] = (float)jetPt;
            features[8 + 4 * j] = tags[j] ? 1f : 0f;
            angles.SetAzimuth(slot, 2 + j, jets[j].Py, jets[j].Px);
            angles.SetPseudorapidity(slot, 1 + j, jets[j].Pz, jets[j].P, jetPt);
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
