using Neyman.Learning.Evaluation;
using ScottPlot;

namespace Neyman.Publishing.Plots;

/// <summary>
/// Classifier score distributions per class, normalised to unit area: the test sample as step lines and,
/// when given, the training sample as points with error bars (the overtraining picture).
/// </summary>
public static class ScoreDistributionPlot
{
    /// <summary>Draws the distributions with <paramref name="bins"/> bins.</summary>
    public static ChartImage Create(BinaryScores test, BinaryScores? train, int bins = 40)
    {
        var low = Math.Min(test.Scores.Min(), train?.Scores.Min() ?? double.PositiveInfinity);
        var high = Math.Max(test.Scores.Max(), train?.Scores.Max() ?? double.NegativeInfinity);
        var plot = ChartStyle.Create("Classifier score", "Classifier score (dimensionless)", "Fraction of events per bin");
        foreach (var signal in new[] { true, false })
        {
            var color = signal ? ChartStyle.Signal : ChartStyle.Background;
            var name = signal ? "signal" : "background";
            var counts = Fill(test, signal, bins, low, high);
            var (x, y) = counts.Outline();
            var line = plot.Add.Scatter(x, y, color);
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = $"{name} (test)";
            if (train is not null)
            {
                var trained = Fill(train, signal, bins, low, high);
                var points = plot.Add.Markers(trained.Centres, trained.Sums, MarkerShape.FilledCircle, 6, color);
                points.LegendText = $"{name} (train)";
                var errors = plot.Add.ErrorBar(trained.Centres, trained.Sums, trained.SumsOfSquares.Select(Math.Sqrt).ToArray());
                errors.Color = color;
            }
        }
        plot.Axes.Margins(bottom: 0);
        ChartStyle.ShowLegend(plot, Alignment.UpperCenter);
        return ChartImage.From(train is null ? "scores" : "scores_train_test", plot);
    }

    private static BinnedCounts Fill(BinaryScores sample, bool signal, int bins, double low, double high)
    {
        var rows = Enumerable.Range(0, sample.Count).Where(i => sample.IsSignal[i] == signal).ToArray();
        return BinnedCounts.Fill(rows.Select(i => sample.Scores[i]).ToArray(), rows.Select(i => sample.Weights[i]).ToArray(), bins, low, high).Normalized();
    }
}
