using ScottPlot;

namespace Neyman.Publishing.Plots;

/// <summary>
/// The control-region picture: simulated processes stacked as filled histograms, observed data as points with
/// Poisson (Garwood) error bars, and below it a ratio panel of data over the total prediction.
/// </summary>
public static class StackedHistogramPlot
{
    /// <summary>Draws the stack; <paramref name="processes"/> are drawn bottom to top in the order given.</summary>
    /// <param name="name">The file-name stem.</param>
    /// <param name="xLabel">The observable with its unit, such as "m_jj (GeV)".</param>
    /// <param name="edges">The bin edges (one more than the bins).</param>
    /// <param name="processes">Process names and expected events per bin.</param>
    /// <param name="data">Observed events per bin.</param>
    public static ChartImage Create(string name, string xLabel, double[] edges, IReadOnlyList<(string Name, double[] Counts)> processes, double[] data)
    {
        var bins = edges.Length - 1;
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        ArgumentOutOfRangeException.ThrowIfNotEqual(data.Length, bins);
        foreach (var (process, counts) in processes)
        {
            ArgumentOutOfRangeException.ThrowIfNotEqual(counts.Length, bins, process);
        }
        var centres = Enumerable.Range(0, bins).Select(i => (edges[i] + edges[i + 1]) / 2).ToArray();
        var main = ChartStyle.Create("", "", "Events / bin");
        var below = new double[bins];
        for (var p = 0; p < processes.Count; p++)
        {
            var color = ChartStyle.Processes[p % ChartStyle.Processes.Count];
            var bars = new List<Bar>();
            for (var i = 0; i < bins; i++)
            {
                var stackTop = below[i] + processes[p].Counts[i];
                bars.Add(new Bar { Position = centres[i], ValueBase = below[i], Value = stackTop, Size = edges[i + 1] - edges[i], FillColor = color, LineWidth = 0 });
                below[i] = stackTop;
            }
            main.Add.Bars(bars);
            main.Legend.ManualItems.Add(new LegendItem { LabelText = processes[p].Name, FillColor = color });
        }
        var intervals = data.Select(PoissonInterval.Garwood).ToArray();
        var dataMarkers = main.Add.Markers(centres, data, MarkerShape.FilledCircle, 7, Colors.Black);
        var dataErrors = new ScottPlot.Plottables.ErrorBar(centres, data, null, null, null, null)
        {
            YErrorNegative = intervals.Select((x, i) => data[i] - x.Lower).ToArray(),
            YErrorPositive = intervals.Select((x, i) => x.Upper - data[i]).ToArray(),
            Color = Colors.Black,
        };
        main.Add.Plottable(dataErrors);
        main.Legend.ManualItems.Add(new LegendItem { LabelText = "data", MarkerShape = MarkerShape.FilledCircle, MarkerColor = Colors.Black, MarkerSize = 7 });
        main.ShowLegend(Alignment.UpperRight);
        main.Axes.Bottom.TickLabelStyle.IsVisible = false;
        var top = Math.Max(below.Max(), intervals.Max(x => x.Upper));
        main.Axes.SetLimits(edges[0], edges[^1], 0, top * 1.3);

        var ratio = ChartStyle.Create("", xLabel, "Data / pred.");
        var valid = Enumerable.Range(0, bins).Where(i => below[i] > 0).ToArray();
        var ratioValues = valid.Select(i => data[i] / below[i]).ToArray();
        var ratioCentres = valid.Select(i => centres[i]).ToArray();
        ratio.Add.HorizontalLine(1, 1.5f, Colors.Gray, LinePattern.Dashed);
        ratio.Add.Markers(ratioCentres, ratioValues, MarkerShape.FilledCircle, 6, Colors.Black);
        ratio.Add.Plottable(new ScottPlot.Plottables.ErrorBar(ratioCentres, ratioValues, null, null, null, null)
        {
            YErrorNegative = valid.Select(i => (data[i] - intervals[i].Lower) / below[i]).ToArray(),
            YErrorPositive = valid.Select(i => (intervals[i].Upper - data[i]) / below[i]).ToArray(),
            Color = Colors.Black,
        });
        ratio.Axes.SetLimits(edges[0], edges[^1], 0.5, 1.5);

        // Same left and right padding so the two x axes line up.
        var padding = new PixelPadding(80, 20, 50, 10);
        main.Layout.Fixed(new PixelPadding(80, 20, 10, 10));
        ratio.Layout.Fixed(padding);
        return ChartImage.FromPanels(name, [main, ratio], [450, 200]);
    }
}
