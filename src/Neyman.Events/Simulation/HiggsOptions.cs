namespace Neyman.Events.Simulation;

/// <summary>
/// Settings of the <c>higgs</c> process: the benchmark of Baldi, Sadowski and Whiteson (Nature Commun. 5, 4308, 2014).
/// Signal gg -> H0 -> W H+- -> W W h0 -> l nu j j b b; background t tbar -> W+ b W- bbar -> l nu j j b b.
/// Energies and masses are in GeV. The defaults are the documented physics choices (see docs/simulation.md).
/// The three systematic knobs (<see cref="JetEnergyScale"/>, <see cref="JetEnergyResolutionScale"/>,
/// <see cref="BTagEfficiencyScale"/>) only rescale deviates that are drawn anyway, so the same seed with a shifted
/// knob gives the same underlying events.
/// </summary>
public sealed record HiggsOptions
{
    /// <summary>The lightest allowed heavy Higgs mass m(H0).</summary>
    public const double MinimumHeavyHiggsMass = 300;

    /// <summary>The heaviest allowed heavy Higgs mass m(H0).</summary>
    public const double MaximumHeavyHiggsMass = 700;

    /// <summary>Expected fraction of signal events in the output (each event is signal with this probability). Default 0.5.</summary>
    public double SignalFraction { get; init; } = 0.5;

    /// <summary>Pole mass of the heavy neutral Higgs H0, from 300 to 700 GeV. Default 425 GeV.</summary>
    public double HeavyHiggsMass { get; init; } = 425;

    /// <summary>
    /// Pole mass of the charged Higgs H+-; null (the default) derives it as max(m(H0) - 100, 212) GeV: 325 GeV for the
    /// benchmark's m(H0) = 425, and still open to both decays H0 -> W H+- and H+- -> W h0 at m(H0) = 300.
    /// </summary>
    public double? ChargedHiggsMass { get; init; }

    /// <summary>Widths of H0 and H+- as a fraction of their masses (not fixed by the benchmark). Default 0.02.</summary>
    public double HeavyHiggsWidthFraction { get; init; } = 0.02;

    /// <summary>Collider energy sqrt(s); it bounds the rapidity of the produced system, |y| &lt; ln(sqrt(s) / m). Default 8000 GeV.</summary>
    public double CollisionEnergy { get; init; } = 8000;

    /// <summary>Scale of the H0 transverse momentum spectrum: pT ~ Gamma(2, scale), which rises from 0 and falls exponentially. Default 25 GeV.</summary>
    public double ResonancePtScale { get; init; } = 25;

    /// <summary>Width of the Gaussian H0 rapidity distribution (gluon fusion is central). Default 1.2.</summary>
    public double ResonanceRapidityWidth { get; init; } = 1.2;

    /// <summary>Scale of the t tbar mass above threshold: sqrt(s-hat) = m(t) + m(tbar) + Gamma(2, scale). Default 40 GeV.</summary>
    public double TopPairMassScale { get; init; } = 40;

    /// <summary>Scale of the t tbar system's transverse momentum, pT ~ Gamma(2, scale). Default 20 GeV.</summary>
    public double TopPairPtScale { get; init; } = 20;

    /// <summary>Width of the Gaussian t tbar rapidity distribution. Default 1.0.</summary>
    public double TopPairRapidityWidth { get; init; } = 1.0;

    /// <summary>
    /// Probability of each further initial-state radiation (ISR) jet: the count is geometric, P(k) = (1 - p) p^k,
    /// capped at <see cref="MaximumIsrJets"/>. Default 0.5.
    /// </summary>
    public double IsrProbability { get; init; } = 0.5;

    /// <summary>The most ISR partons in one event. Default 4.</summary>
    public int MaximumIsrJets { get; init; } = 4;

    /// <summary>Lowest ISR parton pT; the spectrum falls as pT^-4 above it. Default 15 GeV.</summary>
    public double IsrPtMinimum { get; init; } = 15;

    /// <summary>Width of the Gaussian ISR pseudorapidity distribution. Default 2.0.</summary>
    public double IsrEtaWidth { get; init; } = 2.0;

    /// <summary>Lepton energy resolution, stochastic term a in sigma/E = a/sqrt(E) + b (GeV^1/2). Default 0.10.</summary>
    public double LeptonResolutionStochastic { get; init; } = 0.10;

    /// <summary>Lepton energy resolution, constant term b. Default 0.01.</summary>
    public double LeptonResolutionConstant { get; init; } = 0.01;

    /// <summary>Jet energy resolution, stochastic term a in sigma/E = a/sqrt(E) + b (GeV^1/2). Default 0.50.</summary>
    public double JetResolutionStochastic { get; init; } = 0.50;

    /// <summary>Jet energy resolution, constant term b. Default 0.03.</summary>
    public double JetResolutionConstant { get; init; } = 0.03;

    /// <summary>Resolution of the unclustered (soft) part of the missing transverse momentum, per component. Default 8 GeV.</summary>
    public double MissingEnergySoftResolution { get; init; } = 8;

    /// <summary>Lowest lepton pT for the lepton to be reconstructed. Default 20 GeV.</summary>
    public double LeptonPtThreshold { get; init; } = 20;

    /// <summary>Lowest jet pT for the jet to be reconstructed. Default 20 GeV.</summary>
    public double JetPtThreshold { get; init; } = 20;

    /// <summary>Acceptance in pseudorapidity for leptons and jets, |eta| &lt; this. Default 2.5 (the tracker).</summary>
    public double EtaAcceptance { get; init; } = 2.5;

    /// <summary>Probability to tag a jet from a b quark. Default 0.70.</summary>
    public double BTagEfficiency { get; init; } = 0.70;

    /// <summary>Probability to tag a light-quark or gluon jet (mistag rate). Default 0.01.</summary>
    public double MistagRate { get; init; } = 0.01;

    /// <summary>Systematic knob: factor on every reconstructed jet four-momentum (jet energy scale). Default 1.</summary>
    public double JetEnergyScale { get; init; } = 1.0;

    /// <summary>Systematic knob: factor on the jet energy resolution (the drawn deviate is rescaled). Default 1.</summary>
    public double JetEnergyResolutionScale { get; init; } = 1.0;

    /// <summary>Systematic knob: factor on the b-tagging efficiency (capped at 1). Default 1.</summary>
    public double BTagEfficiencyScale { get; init; } = 1.0;

    /// <summary>Adds an <c>event_id</c> column (the attempt index within its process) to match events across systematic variations.</summary>
    public bool IncludeEventId { get; init; }

    /// <summary>The charged Higgs mass actually used: <see cref="ChargedHiggsMass"/> or the derived default.</summary>
    public double EffectiveChargedHiggsMass => ChargedHiggsMass ?? Math.Max(HeavyHiggsMass - 100, 212);

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; its parameter name is the property name.</exception>
    public void Validate()
    {
        Range(SignalFraction, 0, 1, nameof(SignalFraction));
        Range(HeavyHiggsMass, MinimumHeavyHiggsMass, MaximumHeavyHiggsMass, nameof(HeavyHiggsMass));
        var charged = EffectiveChargedHiggsMass;
        Range(charged, ParticleData.WMass + ParticleData.HiggsMass + 2, HeavyHiggsMass - ParticleData.WMass - 2, nameof(ChargedHiggsMass));
        Range(HeavyHiggsWidthFraction, 1e-4, 0.1, nameof(HeavyHiggsWidthFraction));
        Range(CollisionEnergy, 2 * MaximumHeavyHiggsMass, 1e6, nameof(CollisionEnergy));
        Positive(ResonancePtScale, nameof(ResonancePtScale));
        Positive(ResonanceRapidityWidth, nameof(ResonanceRapidityWidth));
        Positive(TopPairMassScale, nameof(TopPairMassScale));
        Positive(TopPairPtScale, nameof(TopPairPtScale));
        Positive(TopPairRapidityWidth, nameof(TopPairRapidityWidth));
        Range(IsrProbability, 0, 0.95, nameof(IsrProbability));
        Range(MaximumIsrJets, 0, 8, nameof(MaximumIsrJets));
        Positive(IsrPtMinimum, nameof(IsrPtMinimum));
        Positive(IsrEtaWidth, nameof(IsrEtaWidth));
        Range(LeptonResolutionStochastic, 0, 5, nameof(LeptonResolutionStochastic));
        Range(LeptonResolutionConstant, 0, 1, nameof(LeptonResolutionConstant));
        Range(JetResolutionStochastic, 0, 5, nameof(JetResolutionStochastic));
        Range(JetResolutionConstant, 0, 1, nameof(JetResolutionConstant));
        Range(MissingEnergySoftResolution, 0, 1000, nameof(MissingEnergySoftResolution));
        Range(LeptonPtThreshold, 0, 1000, nameof(LeptonPtThreshold));
        Range(JetPtThreshold, 0, 1000, nameof(JetPtThreshold));
        Range(EtaAcceptance, 0.1, 10, nameof(EtaAcceptance));
        Range(BTagEfficiency, 0, 1, nameof(BTagEfficiency));
        Range(MistagRate, 0, 1, nameof(MistagRate));
        Range(JetEnergyScale, 0.5, 1.5, nameof(JetEnergyScale));
        Range(JetEnergyResolutionScale, 0, 5, nameof(JetEnergyResolutionScale));
        Range(BTagEfficiencyScale, 0, 2, nameof(BTagEfficiencyScale));
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, "expected a positive finite value");
        }
    }

    private static void Range(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(name, value, $"expected a value in [{min:G6}, {max:G6}]");
        }
    }
}
