using ScottPlot;

namespace Neyman.Publishing.Plots;

/// <summary>
/// The limit summary against a mass: the expected median limit (dashed) inside its ±1σ (green) and ±2σ
/// (yellow) bands, and the observed limit as a solid line with markers.
/// </summary>
public static class BrazilBandPlot
{
    /// <summary>Draws the bands; <paramref name="expected"/> holds per mass the -2σ, -1σ, median, +1σ, +2σ limits.</summary>
    /// <param name="masses">The hypothesised masses, increasing.</param>
    /// <param name="observed">The observed limit per mass (null to leave it out, as for a blinded analysis).</param>
    /// <param name="expected">Per mass, the expected limits at -2σ, -1σ, median, +1σ, +2σ.</param>
    /// <param name="massLabel">The x-axis label with unit, such as "m_H (GeV)".</param>
    /// <param name="limitLabel">The y-axis label, such as "95% CL limit on σ/σ_SM".</param>
    public static ChartImage Create(double[] masses, double[]? observed, IReadOnlyList<double[]> expected, string massLabel, string limitLabel)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(expected.Count, masses.Length);
        if (expected.Any(e => e.Length != 5))
        {
            throw new ArgumentException("each expected entry needs 5 values: -2σ, -1σ, median, +1σ, +2σ", nameof(expected));
        }
        var plot = ChartStyle.Create("Upper limits", massLabel, limitLabel);
        double[] Column(int k) => expected.Select(e => e[k]).ToArray();
        var two = plot.Add.FillY(masses, Column(0), Column(4));
        two.FillColor = new Color(0xFF, 0xDF, 0x00);
        two.LineWidth = 0;
        two.LegendText = "expected ±2σ";
        var one = plot.Add.FillY(masses, Column(1), Column(3));
        one.FillColor = new Color(0x00, 0xC8, 0x00);
        one.LineWidth = 0;
        one.LegendText = "expected ±1σ";
        var median = plot.Add.Scatter(masses, Column(2), Colors.Black);
        median.LinePattern = LinePattern.Dashed;
        median.LineWidth = 2;
        median.MarkerSize = 0;
        median.LegendText = "expected (median)";
        if (observed is not null)
        {
            ArgumentOutOfRangeException.ThrowIfNotEqual(observed.Length, masses.Length);
            var line = plot.Add.Scatter(masses, observed, Colors.Black);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = "observed";
        }
        plot.Add.HorizontalLine(1, 1, Colors.Red, LinePattern.Dotted);
        plot.Axes.Margins(bottom: 0);
        ChartStyle.ShowLegend(plot, Alignment.UpperLeft);
        return ChartImage.From("limits", plot);
    }
}
