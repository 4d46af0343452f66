using Neyman.Events.Simulation;
using Neyman.Events.Tables;

namespace Neyman.Events.Tests.Simulation;

/// <summary>Small generated samples shared by the simulation tests, generated once per options and seed.</summary>
internal static class HiggsSample
{
    private static readonly Dictionary<(HiggsOptions, ulong, long), (EventTable, GenerationSummary)> Cache = [];

    public static (EventTable Table, GenerationSummary Summary) Generate(HiggsOptions options, ulong seed, long events,
        int chunkRows = 1 << 18, int threads = -1)
    {
        var chunks = new List<EventTable>();
        var summary = new HiggsGenerator(options, seed).Generate(events, chunks.Add, chunkRows, threads);
        return (chunks.Count == 1 ? chunks[0] : EventTable.Concatenate(chunks), summary);
    }

    public static (EventTable Table, GenerationSummary Summary) Cached(HiggsOptions options, ulong seed, long events)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue((options, seed, events), out var result))
            {
                result = Generate(options, seed, events);
                Cache[(options, seed, events)] = result;
            }
            return result;
        }
    }

    /// <summary>The values of a column for the rows with the given label.</summary>
    public static double[] Column(EventTable table, string name, float label)
    {
        var labels = table[EventTable.LabelColumn].Float32Values;
        var values = table[name];
        var result = new List<double>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == label)
            {
                result.Add(values[i]);
            }
        }
        return result.ToArray();
    }

    /// <summary>The centre of the most populated bin of a histogram over [low, high).</summary>
    public static double Peak(double[] values, double low, double high, double binWidth)
    {
        var bins = new int[(int)Math.Round((high - low) / binWidth)];
        foreach (var v in values)
        {
            var b = (int)Math.Floor((v - low) / binWidth);
            if (b >= 0 && b < bins.Length)
            {
                bins[b]++;
            }
        }
        var best = 0;
        for (var b = 1; b < bins.Length; b++)
        {
            if (bins[b] > bins[best])
            {
                best = b;
            }
        }
        return low + (best + 0.5) * binWidth;
    }
}
