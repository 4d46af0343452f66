using System.Globalization;
using System.Text.Json;
using Neyman.Core;
using Neyman.Learning.Evaluation;

namespace Neyman.Publishing.Reports;

/// <summary>
/// metrics.json: the classifier metrics in snake_case keys, numbers in round-trip precision, NaN written as null.
/// Keys: auc, auc_uncertainty, bootstrap_replicas, ams, ams_threshold, ams_selected_signal, ams_selected_background,
/// asimov_significance, asimov_relative_background_uncertainty, signal_efficiency_at_background_rejection {"10", "100", "1000"}, events {signal, background},
/// weights {signal, background}, and with training scores ks_pvalue (the smaller of the classes), ks_pvalue_signal,
/// ks_pvalue_background, ks_distance_signal, ks_distance_background.
/// </summary>
public static class MetricsDocument
{
    /// <summary>The JSON text for <paramref name="metrics"/>.</summary>
    public static string ToJson(ClassifierMetrics metrics)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            Number(json, "auc", metrics.Auc);
            Number(json, "auc_uncertainty", metrics.AucUncertainty);
            json.WriteNumber("bootstrap_replicas", metrics.BootstrapReplicas);
            Number(json, "ams", metrics.Ams);
            Number(json, "ams_threshold", metrics.AmsThreshold);
            Number(json, "ams_selected_signal", metrics.SelectedAtAmsThreshold.Signal);
            Number(json, "ams_selected_background", metrics.SelectedAtAmsThreshold.Background);
            Number(json, "asimov_significance", metrics.AsimovSignificance);
            Number(json, "asimov_relative_background_uncertainty", metrics.RelativeBackgroundUncertainty);
            json.WriteStartObject("signal_efficiency_at_background_rejection");
            foreach (var (rejection, efficiency) in metrics.SignalEfficiencyAtBackgroundRejection)
            {
                Number(json, rejection.ToString(CultureInfo.InvariantCulture), efficiency);
            }
            json.WriteEndObject();
            if (metrics.Overtraining is { } check)
            {
                Number(json, "ks_pvalue", check.MinimumPValue);
                Number(json, "ks_pvalue_signal", check.Signal.PValue);
                Number(json, "ks_pvalue_background", check.Background.PValue);
                Number(json, "ks_distance_signal", check.Signal.Distance);
                Number(json, "ks_distance_background", check.Background.Distance);
            }
            json.WriteStartObject("events");
            json.WriteNumber("signal", metrics.Events.Signal);
            json.WriteNumber("background", metrics.Events.Background);
            json.WriteEndObject();
            json.WriteStartObject("weights");
            Number(json, "signal", metrics.Weights.Signal);
            Number(json, "background", metrics.Weights.Background);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes metrics.json atomically.</summary>
    public static void Write(string path, ClassifierMetrics metrics) => AtomicFile.WriteAllText(path, ToJson(metrics));

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
