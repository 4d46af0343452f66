using System.Runtime.CompilerServices;
using Neyman.Core;
using Neyman.Events.Kinematics;
using static Neyman.Events.Simulation.ParticleData;

namespace Neyman.Events.Simulation;

/// <summary>
/// The truth level of the <c>higgs</c> process: production of the hard system, the chain of two-body decays
/// (isotropic in each rest frame, Breit-Wigner masses), and initial-state radiation partons.
/// Fills a lepton, a neutrino and the partons; the number of random numbers drawn depends on the event only.
/// </summary>
internal sealed class HiggsHardProcess
{
    // Breit-Wigner windows reach this many widths either side of the pole.
    private const double WindowWidths = 10;

    private static readonly BreitWignerWindow WBoson = new(WMass, WWidth, WMass - WindowWidths * WWidth, WMass + WindowWidths * WWidth);
    private static readonly BreitWignerWindow Top = new(TopMass, TopWidth, TopMass - WindowWidths * TopWidth, TopMass + WindowWidths * TopWidth);
    private static readonly BreitWignerWindow Higgs = new(HiggsMass, HiggsWidth, HiggsMass - WindowWidths * HiggsWidth, HiggsMass + WindowWidths * HiggsWidth);

    private readonly HiggsOptions _options;
    private readonly BreitWignerWindow _heavy;
    private readonly BreitWignerWindow _charged;

    public HiggsHardProcess(HiggsOptions options)
    {
        _options = options;
        var heavyMass = options.HeavyHiggsMass;
        var heavyWidth = options.HeavyHiggsWidthFraction * heavyMass;
        var chargedMass = options.EffectiveChargedHiggsMass;
        var chargedWidth = options.HeavyHiggsWidthFraction * chargedMass;
        // Each window starts where the decay products (at the bottom of their own windows) still fit.
        var chargedLow = Math.Max(chargedMass - WindowWidths * chargedWidth, WBoson.Low + Higgs.Low + 3e-3);
        var heavyLow = Math.Max(heavyMass - WindowWidths * heavyWidth, WBoson.Low + chargedLow + 3e-3);
        _charged = new BreitWignerWindow(chargedMass, chargedWidth, chargedLow, chargedMass + WindowWidths * chargedWidth);
        _heavy = new BreitWignerWindow(heavyMass, heavyWidth, heavyLow, heavyMass + WindowWidths * heavyWidth);
    }

    /// <summary>The most partons an event can have: four from the hard process plus the ISR partons.</summary>
    public int MaximumPartons => 4 + _options.MaximumIsrJets;

    /// <summary>Generates one event; returns the number of partons written to <paramref name="partons"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Generate(bool signal, RandomStream random, out LorentzVector lepton, out LorentzVector neutrino, Span<Parton> partons)
    {
        var count = signal
            ? Signal(random, out lepton, out neutrino, partons)
            : TopPair(random, out lepton, out neutrino, partons);
        return AddRadiation(random, partons, count);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Signal(RandomStream random, out LorentzVector lepton, out LorentzVector neutrino, Span<Parton> partons)
    {
        var heavy = _heavy.Sample(random);
        // Parents leave their W at least 2 MeV above the bottom of its window, so the W window is never empty.
        var charged = _charged.Sample(random, heavy - WBoson.Low - 2e-3);
        var higgs = Higgs.Sample(random, charged - WBoson.Low - 2e-3);
        var w1Mass = WBoson.Sample(random, heavy - charged - 1e-3);
        var w2Mass = WBoson.Sample(random, charged - higgs - 1e-3);

        var h0 = Produce(random, heavy, _options.ResonancePtScale, _options.ResonanceRapidityWidth);
        var (w1, hc) = Decay(random, h0, heavy, w1Mass, charged);
        var (w2, h) = Decay(random, hc, charged, w2Mass, higgs);
        var (b1, b2) = Decay(random, h, higgs, BottomMass, BottomMass);
        return DecayWPair(random, w1, w1Mass, w2, w2Mass, b1, b2, out lepton, out neutrino, partons);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int TopPair(RandomStream random, out LorentzVector lepton, out LorentzVector neutrino, Span<Parton> partons)
    {
        var top1Mass = Top.Sample(random);
        var top2Mass = Top.Sample(random);
        var w1Mass = WBoson.Sample(random, top1Mass - BottomMass - 1e-3);
        var w2Mass = WBoson.Sample(random, top2Mass - BottomMass - 1e-3);
        var pairMass = top1Mass + top2Mass + Gamma2(random, _options.TopPairMassScale);

        var pair = Produce(random, pairMass, _options.TopPairPtScale, _options.TopPairRapidityWidth);
        // Production angle in the pair rest frame: density proportional to 1 + cos^2(theta), by rejection.
        double cosTheta;
        do
        {
            cosTheta = 2 * random.NextDouble() - 1;
        }
        while (2 * random.NextDouble() > 1 + cosTheta * cosTheta);
        var (cosPhi, sinPhi) = TwoBodyDecay.AzimuthalDirection(random);
        var (t1, t2) = TwoBodyDecay.Decay(pair, pairMass, top1Mass, top2Mass, ThreeVector.FromCosThetaPhi(cosTheta, cosPhi, sinPhi));
        var (w1, b1) = Decay(random, t1, top1Mass, w1Mass, BottomMass);
        var (w2, b2) = Decay(random, t2, top2Mass, w2Mass, BottomMass);
        return DecayWPair(random, w1, w1Mass, w2, w2Mass, b1, b2, out lepton, out neutrino, partons);
    }

    /// <summary>
    /// The common end of both processes: one W (chosen with probability 1/2) decays to l nu, the other to two
    /// quarks; the partons are the two b quarks and the two light quarks. Returns the parton count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DecayWPair(RandomStream random, LorentzVector w1, double w1Mass, LorentzVector w2, double w2Mass,
        LorentzVector b1, LorentzVector b2, out LorentzVector lepton, out LorentzVector neutrino, Span<Parton> partons)
    {
        var firstIsLeptonic = random.NextDouble() < 0.5;
        var (wLeptonic, leptonicMass) = firstIsLeptonic ? (w1, w1Mass) : (w2, w2Mass);
        var (wHadronic, hadronicMass) = firstIsLeptonic ? (w2, w2Mass) : (w1, w1Mass);
        (lepton, neutrino) = Decay(random, wLeptonic, leptonicMass, 0, 0);
        var (q1, q2) = Decay(random, wHadronic, hadronicMass, 0, 0);
        partons[0] = new Parton(b1, true);
        partons[1] = new Parton(b2, true);
        partons[2] = new Parton(q1, false);
        partons[3] = new Parton(q2, false);
        return 4;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int AddRadiation(RandomStream random, Span<Parton> partons, int count)
    {
        var extra = 0;
        while (extra < _options.MaximumIsrJets && random.NextDouble() < _options.IsrProbability)
        {
            extra++;
        }
        for (var i = 0; i < extra; i++)
        {
            // pT density proportional to pT^-4 above the minimum: pT = min / u^(1/3), and u^(1/3) is distributed as the
            // largest of three uniforms (P(max <= x) = x^3), which spares the cube root.
            var pt = _options.IsrPtMinimum / Math.Max(random.NextOpenDouble(), Math.Max(random.NextOpenDouble(), random.NextOpenDouble()));
            var eta = _options.IsrEtaWidth * random.NextGaussianPolar();
            var (cosPhi, sinPhi) = TwoBodyDecay.AzimuthalDirection(random);
            // Massless: pz = pT sinh(eta), E = pT cosh(eta), both from one exponential.
            var exp = Math.Exp(eta);
            partons[count++] = new Parton(new LorentzVector(pt * cosPhi, pt * sinPhi, 0.5 * pt * (exp - 1 / exp), 0.5 * pt * (exp + 1 / exp)), false);
        }
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private LorentzVector Produce(RandomStream random, double mass, double ptScale, double rapidityWidth)
    {
        var pt = Gamma2(random, ptScale);
        // |y| < ln(sqrt(s) / m), tested as exp(|y|) < sqrt(s) / m with the exponential the momentum needs anyway.
        var limit = _options.CollisionEnergy / mass;
        double exp;
        do
        {
            exp = Math.Exp(rapidityWidth * random.NextGaussianPolar());
        }
        while (Math.Max(exp, 1 / exp) >= limit);
        var (cosPhi, sinPhi) = TwoBodyDecay.AzimuthalDirection(random);
        var transverseMass = Math.Sqrt(mass * mass + pt * pt);
        return new LorentzVector(pt * cosPhi, pt * sinPhi, 0.5 * transverseMass * (exp - 1 / exp), 0.5 * transverseMass * (exp + 1 / exp));
    }

    // A Gamma(2, scale) deviate: rises linearly from 0, falls exponentially; mean 2 scale.
    private static double Gamma2(RandomStream random, double scale) =>
        -scale * Math.Log(random.NextOpenDouble() * random.NextOpenDouble());

    private static (LorentzVector, LorentzVector) Decay(RandomStream random, LorentzVector parent, double parentMass, double mass1, double mass2) =>
        TwoBodyDecay.Decay(parent, parentMass, mass1, mass2, TwoBodyDecay.IsotropicDirection(random));
}
