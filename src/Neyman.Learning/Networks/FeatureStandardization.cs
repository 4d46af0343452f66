namespace Neyman.Learning.Networks;

/// <summary>
/// Per-feature shift and scale stored in a network model, <c>x' = (x − mean) / scale</c>, so that inference
/// applies exactly the transformation the network was trained on.
/// </summary>
/// <param name="Means">Training mean of each feature.</param>
/// <param name="Scales">Training standard deviation of each feature (1 where it is zero).</param>
public sealed record FeatureStandardization(float[] Means, float[] Scales)
{
    /// <summary>Computes means and standard deviations (unweighted, in double precision) of row-major events × features.</summary>
    public static FeatureStandardization Fit(ReadOnlySpan<float> features, int width)
    {
        var events = features.Length / width;
        var sums = new double[width];
        var squares = new double[width];
        for (var e = 0; e < events; e++)
        {
            for (var f = 0; f < width; f++)
            {
                sums[f] += features[e * width + f];
            }
        }
        var means = new double[width];
        for (var f = 0; f < width; f++)
        {
            means[f] = events > 0 ? sums[f] / events : 0;
        }
        for (var e = 0; e < events; e++)
        {
            for (var f = 0; f < width; f++)
            {
                var d = features[e * width + f] - means[f];
                squares[f] += d * d;
            }
        }
        var scales = new float[width];
        for (var f = 0; f < width; f++)
        {
            var sigma = events > 1 ? Math.Sqrt(squares[f] / (events - 1)) : 0;
            scales[f] = sigma > 0 && double.IsFinite(sigma) ? (float)sigma : 1f;
        }
        return new FeatureStandardization(means.Select(m => (float)m).ToArray(), scales);
    }

    /// <summary>Standardizes row-major events × features in place.</summary>
    public void Apply(Span<float> features)
    {
        var width = Means.Length;
        for (var start = 0; start + width <= features.Length; start += width)
        {
            for (var f = 0; f < width; f++)
            {
                features[start + f] = (features[start + f] - Means[f]) / Scales[f];
            }
        }
    }
}
