using Neyman.Learning.Evaluation;
using ScottPlot;

namespace Neyman.Publishing.Plots;

/// <summary>The approximate median significance against the score threshold, with the best cut marked.</summary>
public static class AmsPlot
{
    /// <summary>Draws the AMS scan.</summary>
    public static ChartImage Create(AmsScan scan)
    {
        var plot = ChartStyle.Create("AMS versus threshold (b_reg = 10)", "Score threshold (select score ≥ threshold)", "AMS (σ)");
        var step = Math.Max(1, scan.Thresholds.Length / 4000);
        var indices = Enumerable.Range(0, scan.Thresholds.Length).Where(i => i % step == 0 || i == scan.BestIndex).ToArray();
        var line = plot.Add.Scatter(indices.Select(i => scan.Thresholds[i]).ToArray(), indices.Select(i => scan.Values[i]).ToArray(), ChartStyle.Signal);
        line.MarkerSize = 0;
        line.LineWidth = 2;
        line.LegendText = "AMS";
        var best = plot.Add.VerticalLine(scan.BestThreshold, 1.5f, Colors.Black, LinePattern.Dashed);
        best.LegendText = $"best: AMS = {scan.BestAms:F3} at {scan.BestThreshold:G4}";
        ChartStyle.ShowLegend(plot, Alignment.UpperLeft);
        return ChartImage.From("ams", plot);
    }
}
