using Neyman.Core;

namespace Neyman.Learning.Tests.Evaluation;

/// <summary>Small random samples with ties and weights, and brute-force references for the metrics.</summary>
internal static class EvaluationSamples
{
    /// <summary>Scores drawn from <paramref name="levels"/> distinct values (ties when small), signal shifted up.</summary>
    public static (double[] Scores, double[] Labels, double[] Weights) Random(int n, int levels, bool negativeWeights, ulong seed)
    {
        var random = new RandomStream(seed);
        var scores = new double[n];
        var labels = new double[n];
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = i < 2 ? i : random.NextBernoulli(0.4) ? 1 : 0;
            var x = random.NextGaussian() + labels[i];
            scores[i] = levels > 0 ? Math.Round(x * levels / 4) : x;
            weights[i] = 0.5 + random.NextDouble();
            if (negativeWeights && random.NextBernoulli(0.1))
            {
                weights[i] = -0.3 * weights[i];
            }
        }
        return (scores, labels, weights);
    }

    /// <summary>Sum over signal-background pairs of w_s w_b ([s &gt; b] + [s = b]/2), over W_s W_b, by looping over all pairs.</summary>
    public static double BruteForceAuc(double[] scores, double[] labels, double[] weights)
    {
        double pairs = 0, ws = 0, wb = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (labels[i] == 1)
            {
                ws += weights[i];
            }
            else
            {
                wb += weights[i];
            }
        }
        for (var i = 0; i < scores.Length; i++)
        {
            if (labels[i] != 1)
            {
                continue;
            }
            for (var j = 0; j < scores.Length; j++)
            {
                if (labels[j] != 0)
                {
                    continue;
                }
                var order = scores[i] > scores[j] ? 1.0 : scores[i] == scores[j] ? 0.5 : 0.0;
                pairs += weights[i] * weights[j] * order;
            }
        }
        return pairs / (ws * wb);
    }

    /// <summary>The ADO by looping over all signal-background pairs: DO 1 same order, 0 opposite, 1/2 a tie in either.</summary>
    public static double BruteForceAdo(double[] f, double[] g, double[] labels, double[] weights)
    {
        double sum = 0, total = 0;
        for (var i = 0; i < f.Length; i++)
        {
            if (labels[i] != 1)
            {
                continue;
            }
            for (var j = 0; j < f.Length; j++)
            {
                if (labels[j] != 0)
                {
                    continue;
                }
                var product = (f[i] - f[j]) * (g[i] - g[j]);
                var order = product > 0 ? 1.0 : product < 0 ? 0.0 : 0.5;
                sum += weights[i] * weights[j] * order;
                total += weights[i] * weights[j];
            }
        }
        return sum / total;
    }
}
