using Neyman.Core;
using Neyman.Events.Simulation;

namespace Neyman.Events.Tests.Simulation;

public sealed class HiggsKnobTests
{
    private static double Mean(double[] values) => values.Average();

    private static double FractionWithin(double[] values, double low, double high) =>
        values.Count(v => v >= low && v < high) / (double)values.Length;

    [Fact]
    public void A_higher_jet_energy_scale_raises_jet_momenta_masses_and_acceptance()
    {
        var (down, downSummary) = HiggsSample.Generate(new HiggsOptions { JetEnergyScale = 0.95 }, 11, 4000);
        var (up, upSummary) = HiggsSample.Generate(new HiggsOptions { JetEnergyScale = 1.05 }, 11, 4000);

        Assert.True(Mean(HiggsSample.Column(up, "jet1_pt", 1)) > Mean(HiggsSample.Column(down, "jet1_pt", 1)));
        Assert.True(Mean(HiggsSample.Column(up, "m_bb", 1)) > Mean(HiggsSample.Column(down, "m_bb", 1)));
        Assert.True(Mean(HiggsSample.Column(up, "m_jjj", 0)) > Mean(HiggsSample.Column(down, "m_jjj", 0)));
        // More jets clear the pT threshold, so more attempts pass the four-jet selection.
        Assert.True(upSummary.Processes[0].Acceptance > downSummary.Processes[0].Acceptance);
        Assert.True(upSummary.Processes[1].Acceptance > downSummary.Processes[1].Acceptance);
    }

    [Fact]
    public void A_worse_jet_energy_resolution_widens_the_h_peak()
    {
        var (nominal, _) = HiggsSample.Generate(new HiggsOptions(), 13, 6000);
        var (wide, _) = HiggsSample.Generate(new HiggsOptions { JetEnergyResolutionScale = 2.0 }, 13, 6000);

        var inPeakNominal = FractionWithin(HiggsSample.Column(nominal, "m_bb", 1), 110, 140);
        var inPeakWide = FractionWithin(HiggsSample.Column(wide, "m_bb", 1), 110, 140);
        Assert.True(inPeakWide < inPeakNominal - 0.03, $"{inPeakWide} vs {inPeakNominal}");
    }

    [Fact]
    public void A_heavier_H0_moves_the_signal_m_wwbb_up_and_leaves_the_background_alone()
    {
        var (light, _) = HiggsSample.Generate(new HiggsOptions { HeavyHiggsMass = 425, SignalFraction = 0.5 }, 17, 4000);
        var (heavy, _) = HiggsSample.Generate(new HiggsOptions { HeavyHiggsMass = 600, SignalFraction = 0.5 }, 17, 4000);

        var lightPeak = HiggsSample.Peak(HiggsSample.Column(light, "m_wwbb", 1), 200, 1000, 20);
        var heavyPeak = HiggsSample.Peak(HiggsSample.Column(heavy, "m_wwbb", 1), 200, 1000, 20);
        Assert.InRange(lightPeak, 425 - 50, 425 + 50);
        Assert.InRange(heavyPeak, 600 - 60, 600 + 60);
        Assert.Equal(HiggsSample.Column(light, "m_wwbb", 0), HiggsSample.Column(heavy, "m_wwbb", 0));
    }

    [Theory]
    [InlineData(300.0)]
    [InlineData(700.0)]
    public void The_ends_of_the_mass_range_generate_signal_near_the_H0_mass(double mass)
    {
        var (table, summary) = HiggsSample.Generate(new HiggsOptions { HeavyHiggsMass = mass, SignalFraction = 1 }, 23, 1500);

        var median = HiggsSample.Column(table, "m_wwbb", 1).Order().ElementAt(750);
        Assert.InRange(median, 0.9 * mass, 1.15 * mass);
        Assert.Equal(1500, summary.Processes[0].Accepted);
        Assert.Equal(0, summary.Processes[1].Attempts);
    }

    [Fact]
    public void The_signal_fraction_and_the_acceptance_summary_agree_with_the_labels()
    {
        const int events = 5000;
        var (table, summary) = HiggsSample.Generate(new HiggsOptions { SignalFraction = 0.3 }, 19, events);

        var signal = table["label"].Float32Values.Count(l => l == 1f);
        Assert.Equal(events, summary.Events);
        Assert.Equal(signal, summary.Processes[0].Accepted);
        Assert.Equal(events - signal, summary.Processes[1].Accepted);
        // Binomial: 1500 +- 32; allow four standard deviations.
        Assert.InRange(signal, 1500 - 130, 1500 + 130);
        foreach (var process in summary.Processes)
        {
            Assert.True(process.Attempts >= process.Accepted);
            Assert.InRange(process.Acceptance, 0.2, 0.9);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void Thresholds_that_nothing_passes_fail_with_a_clear_message_instead_of_looping(int threads)
    {
        // The verdict counts the attempts read, not those simulated ahead: the same on any number of threads.
        var generator = new HiggsGenerator(new HiggsOptions { LeptonPtThreshold = 1000, SignalFraction = 1 }, 1);

        var e = Assert.Throws<InputException>(() => generator.Generate(10, _ => Assert.Fail("no chunk expected"), maxDegreeOfParallelism: threads));

        Assert.Equal("higgs: no signal event passed the selection in 262144 attempts; the thresholds are too tight", e.Message);
    }

    [Theory]
    [InlineData(nameof(HiggsOptions.HeavyHiggsMass), 299.0)]
    [InlineData(nameof(HiggsOptions.HeavyHiggsMass), 701.0)]
    [InlineData(nameof(HiggsOptions.SignalFraction), 1.5)]
    [InlineData(nameof(HiggsOptions.JetEnergyScale), 0.0)]
    public void Out_of_range_settings_are_rejected_by_name(string property, double value)
    {
        var options = property switch
        {
            nameof(HiggsOptions.HeavyHiggsMass) => new HiggsOptions { HeavyHiggsMass = value },
            nameof(HiggsOptions.SignalFraction) => new HiggsOptions { SignalFraction = value },
            _ => new HiggsOptions { JetEnergyScale = value },
        };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new HiggsGenerator(options, 1));
        Assert.Equal(property, e.ParamName);
    }
}
