using System.Globalization;
using System.Net;
using System.Text;
using Neyman.Core;
using Neyman.Learning.Evaluation;
using Neyman.Publishing.Plots;

namespace Neyman.Publishing.Reports;

/// <summary>
/// report.html: one self-contained page (no scripts, styles or images fetched from anywhere: every chart is
/// embedded as a base64 PNG data URI) with the metrics table and the charts. The elements carry ids
/// (metric-auc, metric-ams, ...) so that tools can read the numbers back.
/// </summary>
public static class EvaluationReport
{
    /// <summary>The HTML text of the report.</summary>
    /// <param name="title">The page title, such as the model or scores file name.</param>
    /// <param name="metrics">The metrics to show.</param>
    /// <param name="charts">The charts, in display order.</param>
    /// <param name="notes">Extra lines shown under the title (inputs, options).</param>
    /// <param name="correlations">Feature correlation matrices to show as tables, such as one per class.</param>
    public static string ToHtml(string title, ClassifierMetrics metrics, IReadOnlyList<ChartImage> charts, IReadOnlyList<string> notes,
        IReadOnlyList<(string Title, CorrelationMatrix Matrix)>? correlations = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>").Append(Encode(title)).Append("</title>\n");
        html.Append("<style>\n")
            .Append("body { font-family: sans-serif; margin: 2em; color: #222; }\n")
            .Append("table { border-collapse: collapse; margin: 1em 0; }\n")
            .Append("td, th { border: 1px solid #bbb; padding: 0.3em 0.8em; text-align: left; }\n")
            .Append("figure { display: inline-block; margin: 0.5em; }\n")
            .Append("img { max-width: 100%; border: 1px solid #ddd; }\n")
            .Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Encode(title)).Append("</h1>\n");
        foreach (var note in notes)
        {
            html.Append("<p>").Append(Encode(note)).Append("</p>\n");
        }
        html.Append("<h2>Metrics</h2>\n<table id=\"metrics\">\n<tr><th>Metric</th><th>Value</th></tr>\n");
        Row(html, "metric-auc", "AUC (weighted)", Format(metrics.Auc));
        Row(html, "metric-auc-uncertainty", $"AUC uncertainty (bootstrap, {metrics.BootstrapReplicas} replicas)", Format(metrics.AucUncertainty));
        Row(html, "metric-ams", "AMS (b_reg = 10), best cut", Format(metrics.Ams));
        Row(html, "metric-ams-threshold", "Score threshold of the best AMS", Format(metrics.AmsThreshold));
        Row(html, "metric-asimov", metrics.RelativeBackgroundUncertainty > 0
            ? $"Asimov significance at that cut, background uncertainty {metrics.RelativeBackgroundUncertainty.ToString("P1", CultureInfo.InvariantCulture)}"
            : "Asimov significance at that cut", Format(metrics.AsimovSignificance));
        foreach (var (rejection, efficiency) in metrics.SignalEfficiencyAtBackgroundRejection)
        {
            var r = rejection.ToString(CultureInfo.InvariantCulture);
            Row(html, "metric-signal-efficiency-" + r, $"Signal efficiency at background rejection {r}", Format(efficiency));
        }
        if (metrics.Overtraining is { } check)
        {
            Row(html, "metric-ks-signal", "Kolmogorov-Smirnov p-value, train vs test, signal", Format(check.Signal.PValue));
            Row(html, "metric-ks-background", "Kolmogorov-Smirnov p-value, train vs test, background", Format(check.Background.PValue));
        }
        Row(html, "metric-events", "Test events (signal / background)", $"{metrics.Events.Signal} / {metrics.Events.Background}");
        html.Append("</table>\n<h2>Charts</h2>\n");
        foreach (var chart in charts)
        {
            html.Append("<figure><img id=\"chart-").Append(Encode(chart.Name)).Append("\" alt=\"").Append(Encode(chart.Name))
                .Append("\" width=\"").Append(chart.Width).Append("\" height=\"").Append(chart.Height)
                .Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(chart.Png)).Append("\">")
                .Append("<figcaption>").Append(Encode(chart.Name)).Append(" (also ").Append(Encode(chart.Name)).Append(".png, ")
                .Append(Encode(chart.Name)).Append(".svg)</figcaption></figure>\n");
        }
        if (correlations is { Count: > 0 })
        {
            html.Append("<h2>Feature correlations (weighted Pearson)</h2>\n");
            foreach (var (caption, matrix) in correlations)
            {
                Correlations(html, caption, matrix);
            }
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes report.html, metrics.json and every chart as PNG and SVG into <paramref name="folder"/>, each file atomically.</summary>
    public static void Write(string folder, string title, ClassifierMetrics metrics, IReadOnlyList<ChartImage> charts, IReadOnlyList<string> notes,
        IReadOnlyList<(string Title, CorrelationMatrix Matrix)>? correlations = null)
    {
        foreach (var chart in charts)
        {
            chart.Save(folder);
        }
        MetricsDocument.Write(Path.Combine(folder, "metrics.json"), metrics);
        AtomicFile.WriteAllText(Path.Combine(folder, "report.html"), ToHtml(title, metrics, charts, notes, correlations));
    }

    /// <summary>The number as the report shows it: six decimals, or "n/a" when not finite.</summary>
    public static string Format(double value) => double.IsFinite(value) ? value.ToString("F6", CultureInfo.InvariantCulture) : "n/a";

    private static void Correlations(StringBuilder html, string caption, CorrelationMatrix matrix)
    {
        html.Append("<table class=\"correlation\"><caption>").Append(Encode(caption)).Append("</caption>\n<tr><th></th>");
        foreach (var name in matrix.Names)
        {
            html.Append("<th>").Append(Encode(name)).Append("</th>");
        }
        html.Append("</tr>\n");
        for (var i = 0; i < matrix.Names.Count; i++)
        {
            html.Append("<tr><th>").Append(Encode(matrix.Names[i])).Append("</th>");
            for (var j = 0; j < matrix.Names.Count; j++)
            {
                var value = matrix[i, j];
                html.Append("<td>").Append(double.IsFinite(value) ? value.ToString("F2", CultureInfo.InvariantCulture) : "n/a").Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void Row(StringBuilder html, string id, string label, string value) =>
        html.Append("<tr><td>").Append(Encode(label)).Append("</td><td id=\"").Append(id).Append("\">").Append(Encode(value)).Append("</td></tr>\n");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
