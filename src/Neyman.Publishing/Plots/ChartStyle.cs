using ScottPlot;

namespace Neyman.Publishing.Plots;

/// <summary>The common look of Neyman's charts: white background, large labels, a framed legend, fixed colours per role.</summary>
public static class ChartStyle
{
    /// <summary>The colour of signal.</summary>
    public static Color Signal { get; } = new(0xD6, 0x27, 0x28);

    /// <summary>The colour of background.</summary>
    public static Color Background { get; } = new(0x1F, 0x77, 0xB4);

    /// <summary>Colours for stacked processes, in order.</summary>
    public static IReadOnlyList<Color> Processes { get; } =
    [
        new(0x1F, 0x77, 0xB4), new(0xFF, 0x7F, 0x0E), new(0x2C, 0xA0, 0x2C), new(0x94, 0x67, 0xBD),
        new(0x8C, 0x56, 0x4B), new(0xE3, 0x77, 0xC2), new(0x7F, 0x7F, 0x7F), new(0xBC, 0xBD, 0x22),
    ];

    /// <summary>A new plot with axis labels and the house style applied.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title, 18);
        plot.XLabel(xLabel, 16);
        plot.YLabel(yLabel, 16);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Legend.FontSize = 13;
        return plot;
    }

    /// <summary>Shows the legend in a corner.</summary>
    public static void ShowLegend(Plot plot, Alignment corner = Alignment.UpperRight)
    {
        plot.ShowLegend(corner);
        plot.Legend.FontSize = 13;
    }

    /// <summary>Labels a log10-valued axis as powers of ten: the values are log10(x) and the ticks read 10^k.</summary>
    public static void UseLogTicks(IAxis axis, double minimumLog, double maximumLog)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var k = (int)Math.Floor(minimumLog); k <= (int)Math.Ceiling(maximumLog); k++)
        {
            ticks.AddMajor(k, k switch { 0 => "1", 1 => "10", _ => "1e" + k });
            for (var m = 2; m < 10; m++)
            {
                ticks.AddMinor(k + Math.Log10(m));
            }
        }
        axis.TickGenerator = ticks;
    }
}
