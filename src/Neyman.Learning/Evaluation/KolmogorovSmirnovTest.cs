namespace Neyman.Learning.Evaluation;

/// <summary>
/// The two-sample Kolmogorov-Smirnov test with event weights, as used to check a classifier for
/// overtraining: the score distribution of the training sample against the test sample, per class.
/// D is the largest distance between the two weighted empirical distribution functions; the p-value
/// uses the effective sample sizes n_eff = (sum w)^2 / sum w^2 and the asymptotic Kolmogorov distribution
/// with Stephens' small-sample correction, lambda = (sqrt(n) + 0.12 + 0.11 / sqrt(n)) D with n = n1 n2 / (n1 + n2).
/// </summary>
public static class KolmogorovSmirnovTest
{
    /// <summary>Compares sample <paramref name="first"/> (weights <paramref name="firstWeights"/>, empty for 1) with <paramref name="second"/>.</summary>
    /// <exception cref="ArgumentException">A sample is empty, lengths differ, or a sample's weights do not sum to a positive number.</exception>
    public static KolmogorovSmirnovResult Compare(
        ReadOnlySpan<double> first, ReadOnlySpan<double> firstWeights, ReadOnlySpan<double> second, ReadOnlySpan<double> secondWeights)
    {
        var (a, wa, sumA, effectiveA) = Prepare(first, firstWeights, nameof(first));
        var (b, wb, sumB, effectiveB) = Prepare(second, secondWeights, nameof(second));
        int i = 0, j = 0;
        double cdfA = 0, cdfB = 0, distance = 0;
        while (i < a.Length || j < b.Length)
        {
            // Step both functions past the next value, including every copy of it in either sample.
            var value = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            while (i < a.Length && a[i] == value)
            {
                cdfA += wa[i++];
            }
            while (j < b.Length && b[j] == value)
            {
                cdfB += wb[j++];
            }
            distance = Math.Max(distance, Math.Abs(cdfA / sumA - cdfB / sumB));
        }
        var n = effectiveA * effectiveB / (effectiveA + effectiveB);
        var root = Math.Sqrt(n);
        var lambda = (root + 0.12 + 0.11 / root) * distance;
        return new KolmogorovSmirnovResult(distance, KolmogorovSurvival(lambda), effectiveA, effectiveB);
    }

    /// <summary>
    /// P(K &gt; lambda) for the Kolmogorov distribution: 2 sum_k (-1)^(k-1) exp(-2 k^2 lambda^2) for large lambda,
    /// and 1 - sqrt(2 pi)/lambda sum_k exp(-(2k-1)^2 pi^2 / (8 lambda^2)) for small lambda, where each converges fast.
    /// </summary>
    public static double KolmogorovSurvival(double lambda)
    {
        if (lambda <= 0)
        {
            return 1;
        }
        if (lambda < 1.18)
        {
            double sum = 0;
            for (var k = 1; k <= 10; k++)
            {
                var odd = 2 * k - 1;
                sum += Math.Exp(-odd * odd * Math.PI * Math.PI / (8 * lambda * lambda));
            }
            return Math.Clamp(1 - Math.Sqrt(2 * Math.PI) / lambda * sum, 0, 1);
        }
        double alternating = 0;
        for (var k = 1; k <= 100; k++)
        {
            var term = Math.Exp(-2.0 * k * k * lambda * lambda);
            alternating += (k % 2 == 1 ? term : -term);
            if (term < 1e-300)
            {
                break;
            }
        }
        return Math.Clamp(2 * alternating, 0, 1);
    }

    private static (double[] Values, double[] Weights, double Sum, double Effective) Prepare(
        ReadOnlySpan<double> values, ReadOnlySpan<double> weights, string name)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("the sample is empty", name);
        }
        if (!weights.IsEmpty && weights.Length != values.Length)
        {
            throw new ArgumentException($"there are {values.Length} values but {weights.Length} weights", name);
        }
        var order = RadixSort.AscendingOrder(values);
        var sorted = new double[values.Length];
        var w = new double[values.Length];
        double sum = 0, squares = 0;
        for (var k = 0; k < order.Length; k++)
        {
            sorted[k] = values[order[k]];
            w[k] = weights.IsEmpty ? 1 : weights[order[k]];
            sum += w[k];
            squares += w[k] * w[k];
        }
        if (!(sum > 0))
        {
            throw new ArgumentException($"the weights sum to {sum}; expected a positive sum", name);
        }
        return (sorted, w, sum, sum * sum / squares);
    }
}
