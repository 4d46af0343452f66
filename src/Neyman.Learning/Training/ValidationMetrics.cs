using System.Numerics;

namespace Neyman.Learning.Training;

/// <summary>Weighted figures of merit on held-out events, as pure functions of scores, labels and weights.</summary>
public static class ValidationMetrics
{
    /// <summary>True when a larger value of the metric is better.</summary>
    /// <param name="metric">The metric.</param>
    public static bool HigherIsBetter(ValidationMetric metric) => metric == ValidationMetric.Auc;

    /// <summary>
    /// The weighted area under the ROC curve: the probability that a signal event (label 1) scores above a
    /// background event (label 0), ties counting one half, each pair weighted by the product of the weights.
    /// </summary>
    /// <param name="score">The scores (any monotone transform gives the same AUC).</param>
    /// <param name="label">Labels, 1 signal and 0 background.</param>
    /// <param name="weight">Event weights.</param>
    public static double Auc(ReadOnlySpan<double> score, ReadOnlySpan<double> label, ReadOnlySpan<double> weight) =>
        Auc<double>(score, label, weight);

    /// <summary>As <see cref="Auc(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>, for single-precision network outputs.</summary>
    internal static double Auc(ReadOnlySpan<float> score, ReadOnlySpan<float> label, ReadOnlySpan<float> weight) =>
        Auc<float>(score, label, weight);

    private static double Auc<T>(ReadOnlySpan<T> score, ReadOnlySpan<T> label, ReadOnlySpan<T> weight)
        where T : unmanaged, IFloatingPoint<T>
    {
        if (label.Length != score.Length || weight.Length != score.Length)
        {
            throw new ArgumentException("Scores, labels and weights must have the same length.", nameof(label));
        }

        var order = new int[score.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = score.ToArray();
        Array.Sort(keys, order);
        var half = T.CreateTruncating(0.5);
        double background = 0, signal = 0, area = 0;
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            double groupSignal = 0, groupBackground = 0;
            while (end < order.Length && keys[end] == keys[start])
            {
                var i = order[end];
                if (label[i] > half)
                {
                    groupSignal += double.CreateTruncating(weight[i]);
                }
                else
                {
                    groupBackground += double.CreateTruncating(weight[i]);
                }

                end++;
            }

            // Signal in this group beats all lower background and ties half of the group's background.
            area += groupSignal * (background + (0.5 * groupBackground));
            background += groupBackground;
            signal += groupSignal;
            start = end;
        }

        return area / (signal * background);
    }

    /// <summary>The weighted root-mean-square difference between predictions and targets.</summary>
    /// <param name="prediction">The predicted values.</param>
    /// <param name="target">The true values.</param>
    /// <param name="weight">Event weights.</param>
    public static double Rmse(ReadOnlySpan<double> prediction, ReadOnlySpan<double> target, ReadOnlySpan<double> weight)
    {
        double sum = 0, total = 0;
        for (var i = 0; i < prediction.Length; i++)
        {
            var r = prediction[i] - target[i];
            sum += weight[i] * r * r;
            total += weight[i];
        }

        return Math.Sqrt(sum / total);
    }

    /// <summary>
    /// The weighted fraction of misclassified events: raw scores with one output are log-odds (class 1 when
    /// positive); with several outputs the class of the largest score is taken.
    /// </summary>
    /// <param name="raw">Raw scores, events x outputs.</param>
    /// <param name="outputCount">The number of outputs per event.</param>
    /// <param name="label">The labels (class indices).</param>
    /// <param name="weight">Event weights.</param>
    public static double Error(ReadOnlySpan<double> raw, int outputCount, ReadOnlySpan<double> label, ReadOnlySpan<double> weight)
    {
        double wrong = 0, total = 0;
        for (var i = 0; i < label.Length; i++)
        {
            int predicted;
            if (outputCount == 1)
            {
                predicted = raw[i] > 0 ? 1 : 0;
            }
            else
            {
                predicted = 0;
                for (var k = 1; k < outputCount; k++)
                {
                    if (raw[(i * outputCount) + k] > raw[(i * outputCount) + predicted])
                    {
                        predicted = k;
                    }
                }
            }

            if (predicted != (int)label[i])
            {
                wrong += weight[i];
            }

            total += weight[i];
        }

        return wrong / total;
    }
}
