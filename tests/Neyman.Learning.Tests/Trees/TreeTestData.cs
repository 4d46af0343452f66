using Neyman.Core;
using Neyman.Events.Tables;

namespace Neyman.Learning.Tests.Trees;

/// <summary>Small synthetic event tables for the boosting tests.</summary>
internal static class TreeTestData
{
    /// <summary>
    /// Two informative Gaussian features (signal shifted by +0.8 in x and -0.5 in y), one noise feature, and labels
    /// half signal, half background; Bayes AUC of this problem is about 0.79.
    /// </summary>
    public static EventTable Gaussians(int n, ulong seed)
    {
        var random = new RandomStream(seed);
        var x = new float[n];
        var y = new float[n];
        var noise = new double[n];
        var label = new float[n];
        for (var i = 0; i < n; i++)
        {
            var signal = i % 2 == 0;
            label[i] = signal ? 1 : 0;
            x[i] = (float)random.NextGaussian(signal ? 0.8 : 0.0, 1.0);
            y[i] = (float)random.NextGaussian(signal ? -0.5 : 0.0, 1.0);
            noise[i] = random.NextUniform(-1, 1);
        }

        return new EventTable([
            EventColumn.Float32("x", x), EventColumn.Float32("y", y), EventColumn.Float64("noise", noise), EventColumn.Float32("label", label)]);
    }

    public static EventTable Table(params (string Name, double[] Values)[] columns) =>
        new(columns.Select(c => EventColumn.Float64(c.Name, c.Values)));
}
