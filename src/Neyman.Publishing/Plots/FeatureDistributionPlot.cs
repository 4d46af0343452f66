using ScottPlot;

namespace Neyman.Publishing.Plots;

/// <summary>The distribution of one input feature per class, normalised to unit area.</summary>
public static class FeatureDistributionPlot
{
    /// <summary>Draws the feature <paramref name="feature"/> (axis label <paramref name="axisLabel"/>, with its unit) for signal and background.</summary>
    public static ChartImage Create(string feature, string axisLabel, double[] values, bool[] isSignal, double[] weights, int bins = 40)
    {
        var plot = ChartStyle.Create(feature, axisLabel, "Fraction of events per bin");
        var finite = values.Where(double.IsFinite).ToArray();
        var low = finite.Length > 0 ? finite.Min() : 0;
        var high = finite.Length > 0 ? finite.Max() : 1;
        foreach (var signal in new[] { true, false })
        {
            var rows = Enumerable.Range(0, values.Length).Where(i => isSignal[i] == signal && double.IsFinite(values[i])).ToArray();
            var counts = BinnedCounts.Fill(rows.Select(i => values[i]).ToArray(), rows.Select(i => weights[i]).ToArray(), bins, low, high).Normalized();
            var (x, y) = counts.Outline();
            var line = plot.Add.Scatter(x, y, signal ? ChartStyle.Signal : ChartStyle.Background);
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = signal ? "signal" : "background";
        }
        plot.Axes.Margins(bottom: 0);
        ChartStyle.ShowLegend(plot);
        return ChartImage.From("feature_" + SafeName(feature), plot);
    }

    /// <summary>
    /// An axis label with the unit guessed from the usual column names of collider events: transverse momenta,
    /// masses and energies in GeV, azimuthal angles in rad, pseudorapidities and b-tag scores without unit.
    /// </summary>
    public static string AxisLabel(string feature)
    {
        var name = feature.ToLowerInvariant();
        string unit = name switch
        {
            _ when name.EndsWith("_phi", StringComparison.Ordinal) || name == "phi" => "rad",
            _ when name.EndsWith("_eta", StringComparison.Ordinal) || name == "eta" || name.Contains("btag", StringComparison.Ordinal) => "dimensionless",
            _ when name.EndsWith("_pt", StringComparison.Ordinal) || name == "pt" || name.StartsWith("m_", StringComparison.Ordinal)
                || name.Contains("mass", StringComparison.Ordinal) || name.Contains("energy", StringComparison.Ordinal) || name.EndsWith("_e", StringComparison.Ordinal) => "GeV",
            _ => "as in the file",
        };
        return $"{feature} ({unit})";
    }

    /// <summary>A file-name-safe form of a column name.</summary>
    public static string SafeName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' ? c : '_').ToArray());
}
