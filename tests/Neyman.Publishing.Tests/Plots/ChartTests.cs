using Neyman.Core;
using Neyman.Learning.Evaluation;
using Neyman.Publishing.Plots;
using Xunit.Abstractions;

namespace Neyman.Publishing.Tests.Plots;

public sealed class ChartTests(ITestOutputHelper output)
{
    private static BinaryScores Sample(int n, ulong seed, double shift = 0)
    {
        var random = new RandomStream(seed);
        var labels = Enumerable.Range(0, n).Select(i => (double)(i % 2)).ToArray();
        var scores = labels.Select(l => 1 / (1 + Math.Exp(-(random.NextGaussian() + 2 * l - 1 + shift)))).ToArray();
        return BinaryScores.Create(scores, labels);
    }

    // PNG files start with the 8-byte signature and carry width and height big-endian in the IHDR chunk.
    private static void AssertImage(ChartImage chart, int width, int height)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, chart.Png[..8]);
        Assert.Equal(width, (chart.Png[16] << 24) | (chart.Png[17] << 16) | (chart.Png[18] << 8) | chart.Png[19]);
        Assert.Equal(height, (chart.Png[20] << 24) | (chart.Png[21] << 16) | (chart.Png[22] << 8) | chart.Png[23]);
        Assert.Contains("<svg", chart.Svg);
        Assert.EndsWith("</svg>", chart.Svg.TrimEnd());
    }

    private void Keep(ChartImage chart)
    {
        var folder = Path.Combine(Path.GetTempPath(), "neyman-chart-tests");
        Directory.CreateDirectory(folder);
        var (png, _) = chart.Save(folder);
        output.WriteLine("wrote " + png);
    }

    [Fact]
    public void EvaluationChartsRenderWithTheirLabels()
    {
        var test = Sample(4000, 1);
        var train = Sample(4000, 2, shift: 0.1);
        var roc = RocCurve.From(test);
        var auc = AreaUnderCurve.Compute(test);
        var charts = new[]
        {
            RocPlot.Efficiency([("BDT", roc, auc)]),
            RocPlot.Rejection([("BDT", roc, auc)]),
            ScoreDistributionPlot.Create(test, train),
            AmsPlot.Create(ApproximateMedianSignificance.Scan(test)),
            FeatureDistributionPlot.Create("m_jj", "m_jj (GeV)", test.Scores.Select(s => 100 * s).ToArray(), test.IsSignal, test.Weights),
        };
        foreach (var chart in charts)
        {
            AssertImage(chart, 800, 600);
            Keep(chart);
        }
        Assert.Contains("Background efficiency", charts[0].Svg);
        Assert.Contains($"AUC = {auc:F4}", charts[0].Svg);
        Assert.Contains("Background rejection", charts[1].Svg);
        Assert.Contains("signal (train)", charts[2].Svg);
        Assert.Contains("m_jj (GeV)", charts[4].Svg);
    }

    [Fact]
    public void StackedHistogramHasARatioPanelBelow()
    {
        double[] edges = [0, 50, 100, 150, 200, 250];
        var chart = StackedHistogramPlot.Create("stack", "m_T (GeV)", edges,
            [("ttbar", [20, 40, 30, 12, 4]), ("W+jets", [10, 15, 10, 5, 1])], [33, 50, 44, 15, 0]);
        AssertImage(chart, 800, 650);
        Assert.Contains("m_T (GeV)", chart.Svg);
        Assert.Contains("Data / pred.", chart.Svg);
        Assert.Contains("ttbar", chart.Svg);
        Keep(chart);
    }

    [Fact]
    public void BrazilAndPullChartsRender()
    {
        double[] masses = [200, 300, 400, 500];
        var expected = masses.Select(m => new[] { 0.5, 0.7, 1.0, 1.4, 1.9 }.Select(x => x * m / 300).ToArray()).ToArray();
        var brazil = BrazilBandPlot.Create(masses, [0.8, 1.1, 1.2, 1.9], expected, "m_H (GeV)", "95% CL limit on σ/σ_SM");
        AssertImage(brazil, 800, 600);
        Assert.Contains("expected ±1σ", brazil.Svg);
        Keep(brazil);
        var pulls = PullPlot.Create([("lumi", 0.1, 0.95), ("jes", -1.2, 0.6), ("btag", 0.4, 1.0)]);
        AssertImage(pulls, 800, 300);
        Assert.Contains("jes", pulls.Svg);
        Keep(pulls);
    }
}
