using Neyman.Events.Simulation;
using Neyman.Events.Tables;
using Xunit.Abstractions;

namespace Neyman.Events.Tests.Simulation;

public sealed class HiggsGeneratorTests(ITestOutputHelper output)
{
    private static readonly HiggsOptions Nominal = new();

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void A_failing_chunk_writer_stops_the_generation_with_its_error(int threads)
    {
        // Chunks are handed over on a worker thread while the next is simulated (with more than one thread): the
        // writer's failure still comes out of Generate, and no chunk is handed over after it.
        var calls = 0;
        var error = Assert.Throws<IOException>(() => new HiggsGenerator(Nominal, 2).Generate(5000, chunk =>
        {
            if (++calls == 2)
            {
                throw new IOException("disk full");
            }
        }, chunkRows: 1000, maxDegreeOfParallelism: threads));
        Assert.Equal("disk full", error.Message);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Mass_peaks_sit_at_the_h_W_and_top_masses_within_resolution()
    {
        var (table, summary) = HiggsSample.Cached(Nominal, 1, 40_000);
        var mbb = HiggsSample.Column(table, "m_bb", 1);
        var mjjSignal = HiggsSample.Column(table, "m_jj", 1);
        var mjjBackground = HiggsSample.Column(table, "m_jj", 0);
        var mjjj = HiggsSample.Column(table, "m_jjj", 0);
        var mlv = HiggsSample.Column(table, "m_lv", 1);
        var peaks = new
        {
            Mbb = HiggsSample.Peak(mbb, 0, 400, 10),
            MjjSignal = HiggsSample.Peak(mjjSignal, 0, 400, 10),
            MjjBackground = HiggsSample.Peak(mjjBackground, 0, 400, 10),
            Mjjj = HiggsSample.Peak(mjjj, 0, 600, 10),
            Mlv = HiggsSample.Peak(mlv, 0, 400, 2),
        };
        output.WriteLine(peaks.ToString());
        foreach (var p in summary.Processes)
        {
            output.WriteLine($"{p.Process}: {p.Accepted} / {p.Attempts} = {p.Acceptance:F4}");
        }
        // Jet resolution at these energies is about 10-15%: the peaks must lie within it.
        Assert.InRange(peaks.Mbb, 125 - 15, 125 + 15);
        Assert.InRange(peaks.MjjSignal, 80 - 10, 80 + 10);
        Assert.InRange(peaks.MjjBackground, 80 - 10, 80 + 10);
        Assert.InRange(peaks.Mjjj, 173 - 20, 173 + 20);
        // The W-mass constraint puts m_lv at mW whenever the quadratic has real roots.
        Assert.InRange(peaks.Mlv, 78, 82);
    }

    [Fact]
    public void Selected_objects_are_inside_the_acceptance_and_ordered_by_pt()
    {
        var (table, _) = HiggsSample.Cached(Nominal, 1, 40_000);

        foreach (var prefix in new[] { "lepton", "jet1", "jet2", "jet3", "jet4" })
        {
            Assert.All(table[prefix + "_pt"].Float32Values, pt => Assert.True(pt > 20f));
            Assert.All(table[prefix + "_eta"].Float32Values, eta => Assert.InRange(eta, -2.5f, 2.5f));
            Assert.All(table[prefix + "_phi"].Float32Values, phi => Assert.InRange(phi, -MathF.PI, MathF.PI));
            // Forward and backward are alike: the mean pseudorapidity is 0 within 5 standard errors (sd about 1.1).
            Assert.InRange(table[prefix + "_eta"].Float32Values.Average(), -0.03, 0.03);
        }
        for (var jet = 1; jet < 4; jet++)
        {
            var leading = table[$"jet{jet}_pt"].Float32Values;
            var next = table[$"jet{jet + 1}_pt"].Float32Values;
            Assert.All(Enumerable.Range(0, leading.Length), i => Assert.True(leading[i] >= next[i]));
        }
        Assert.All(table["jet1_btag"].Float32Values, tag => Assert.True(tag is 0f or 1f));
        Assert.All(table["weight"].Float64Values, w => Assert.Equal(1.0, w));
    }
}
