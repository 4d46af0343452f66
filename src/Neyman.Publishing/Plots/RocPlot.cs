using Neyman.Learning.Evaluation;
using ScottPlot;

namespace Neyman.Publishing.Plots;

/// <summary>ROC charts: signal efficiency against background efficiency, and background rejection (log scale) against signal efficiency.</summary>
public static class RocPlot
{
    /// <summary>Signal efficiency against background efficiency, with the diagonal of a random classifier.</summary>
    public static ChartImage Efficiency(IReadOnlyList<(string Label, RocCurve Curve, double Auc)> curves)
    {
        var plot = ChartStyle.Create("ROC curve", "Background efficiency ε_b (fraction)", "Signal efficiency ε_s (fraction)");
        for (var i = 0; i < curves.Count; i++)
        {
            var thin = curves[i].Curve.Thinned(2000);
            var line = plot.Add.Scatter(thin.BackgroundEfficiency, thin.SignalEfficiency, ChartStyle.Processes[i % ChartStyle.Processes.Count]);
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = $"{curves[i].Label} (AUC = {curves[i].Auc:F4})";
        }
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.Color = Colors.Gray;
        diagonal.LegendText = "random guess";
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        ChartStyle.ShowLegend(plot, Alignment.LowerRight);
        return ChartImage.From("roc", plot);
    }

    /// <summary>Background rejection 1/ε_b on a log scale against signal efficiency.</summary>
    public static ChartImage Rejection(IReadOnlyList<(string Label, RocCurve Curve, double Auc)> curves)
    {
        var plot = ChartStyle.Create("Background rejection", "Signal efficiency ε_s (fraction)", "Background rejection 1/ε_b (log scale)");
        var maxLog = 1.0;
        for (var i = 0; i < curves.Count; i++)
        {
            var thin = curves[i].Curve.Thinned(2000);
            var points = Enumerable.Range(0, thin.Count).Where(k => thin.BackgroundEfficiency[k] > 0 && thin.SignalEfficiency[k] > 0).ToArray();
            var x = points.Select(k => thin.SignalEfficiency[k]).ToArray();
            var y = points.Select(k => -Math.Log10(thin.BackgroundEfficiency[k])).ToArray();
            if (y.Length > 0)
            {
                maxLog = Math.Max(maxLog, y.Max());
            }
            var line = plot.Add.Scatter(x, y, ChartStyle.Processes[i % ChartStyle.Processes.Count]);
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = curves[i].Label;
        }
        ChartStyle.UseLogTicks(plot.Axes.Left, 0, Math.Ceiling(maxLog));
        plot.Axes.SetLimits(0, 1, 0, Math.Ceiling(maxLog) + 0.1);
        ChartStyle.ShowLegend(plot, Alignment.UpperRight);
        return ChartImage.From("roc_rejection", plot);
    }
}
