using ScottPlot;

namespace Neyman.Publishing.Plots;

/// <summary>
/// Fitted nuisance parameters as pulls: per parameter (theta_hat - theta_0) / sigma_prefit with a bar of
/// ±sigma_postfit / sigma_prefit, over the ±1σ and ±2σ bands of the prefit constraint.
/// </summary>
public static class PullPlot
{
    /// <summary>Draws one row per parameter, the first at the top.</summary>
    public static ChartImage Create(IReadOnlyList<(string Name, double Pull, double Constraint)> parameters)
    {
        var plot = ChartStyle.Create("Nuisance parameter pulls", "(θ̂ - θ₀) / Δθ (prefit standard deviations)", "");
        var count = parameters.Count;
        var two = plot.Add.VerticalSpan(-2, 2, new Color(0xFF, 0xDF, 0x00, 0x90));
        two.LegendText = "±2σ";
        var one = plot.Add.VerticalSpan(-1, 1, new Color(0x00, 0xC8, 0x00, 0x90));
        one.LegendText = "±1σ";
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < count; i++)
        {
            var y = count - 1 - i;
            var (name, pull, constraint) = parameters[i];
            var bar = plot.Add.Line(pull - constraint, y, pull + constraint, y);
            bar.Color = Colors.Black;
            bar.LineWidth = 2;
            plot.Add.Marker(pull, y, MarkerShape.FilledCircle, 8, Colors.Black);
            ticks.AddMajor(y, name);
        }
        plot.Axes.Left.TickGenerator = ticks;
        var limit = Math.Max(2.5, parameters.Count == 0 ? 0 : parameters.Max(p => Math.Abs(p.Pull) + p.Constraint) + 0.3);
        plot.Axes.SetLimits(-limit, limit, -1, count);
        ChartStyle.ShowLegend(plot, Alignment.UpperRight);
        return ChartImage.From("pulls", plot, 800, Math.Max(300, 120 + 28 * count));
    }
}
