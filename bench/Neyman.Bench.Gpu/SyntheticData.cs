using Neyman.Core;
using Neyman.Learning.Evaluation;

namespace Neyman.Bench.Gpu;

/// <summary>
/// HIGGS-shaped synthetic data for the speed comparison: 28 standard-normal features and a label drawn
/// from a logistic model with linear and pairwise terms, so both peers learn the same non-trivial task.
/// </summary>
internal static class SyntheticData
{
    public const int Features = 28;

    public static (float[] X, float[] Y) Generate(int rows, ulong seed)
    {
        var random = new RandomStream(seed);
        var x = new float[rows * Features];
        var y = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var logit = 0.0;
            for (var f = 0; f < Features; f++)
            {
                var v = random.NextGaussian();
                x[r * Features + f] = (float)v;
                logit += (f % 4 == 0 ? 0.6 : f % 4 == 1 ? -0.3 : 0.1) * v;
            }
            logit += 0.8 * x[r * Features] * x[r * Features + 1] - 0.5 * x[r * Features + 2] * x[r * Features + 2] + 0.5;
            y[r] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1f : 0f;
        }
        return (x, y);
    }

    /// <summary>Writes rows as raw little-endian float32 (numpy.fromfile reads it).</summary>
    public static void WriteRaw(string path, float[] values)
    {
        using var stream = File.Create(path);
        stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    public static double Auc(float[] scores, float[] labels) =>
        AreaUnderCurve.Compute(BinaryScores.Create(Array.ConvertAll(scores, v => (double)v), Array.ConvertAll(labels, v => (double)v)));
}
