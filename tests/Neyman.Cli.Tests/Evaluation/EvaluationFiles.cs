using Neyman.Core;
using Neyman.Events.IO;
using Neyman.Events.Tables;

namespace Neyman.Cli.Tests.Evaluation;

/// <summary>Writes small scored samples the way <c>neyman predict</c> does: score, label, weight, plus two correlated features.</summary>
internal static class EvaluationFiles
{
    public static EventTable Scored(int n, ulong seed, double shift = 0, double[]? labels = null, double[]? weights = null)
    {
        var random = new RandomStream(seed);
        labels ??= Enumerable.Range(0, n).Select(i => (double)(i % 2)).ToArray();
        weights ??= Enumerable.Range(0, n).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var mass = labels.Select(l => 125 * l + 90 * (1 - l) + 10 * random.NextGaussian()).ToArray();
        var pt = mass.Select(m => 0.4 * m + 5 * random.NextGaussian()).ToArray();
        var score = labels.Select(l => (float)(1 / (1 + Math.Exp(-(random.NextGaussian() + 2 * l - 1 + shift))))).ToArray();
        return new EventTable([
            EventColumn.Float32("score", score), EventColumn.Float64("label", labels), EventColumn.Float64("weight", weights),
            EventColumn.Float64("m_bb", mass), EventColumn.Float64("pt", pt),
        ]);
    }

    public static string Write(TemporaryFolder folder, string name, EventTable table)
    {
        var path = folder.File(name);
        EventFile.Write(path, table);
        return path;
    }
}
