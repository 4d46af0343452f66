namespace Neyman.Learning.Networks;

/// <summary>
/// Weighted area under the ROC curve of a binary classifier, by sorting the scores: the probability that a
/// signal event outscores a background event, ties counting one half.
/// </summary>
internal static class BinaryAuc
{
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights)
    {
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        double signal = 0, background = 0, area = 0;
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            double tiedSignal = 0, tiedBackground = 0;
            while (end < order.Length && keys[end] == keys[start])
            {
                var e = order[end];
                if (labels[e] > 0.5f)
                {
                    tiedSignal += weights[e];
                }
                else
                {
                    tiedBackground += weights[e];
                }
                end++;
            }
            // Signal in this group beats all background below it and ties with the group's background.
            area += tiedSignal * (background + 0.5 * tiedBackground);
            signal += tiedSignal;
            background += tiedBackground;
            start = end;
        }
        return signal > 0 && background > 0 ? area / (signal * background) : double.NaN;
    }
}
