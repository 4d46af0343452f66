using Neyman.Core;
using Neyman.Events.Tables;

namespace Neyman.Events.Simulation;

/// <summary>
/// Generates events of the <c>higgs</c> process chunk by chunk. Row r is signal with probability
/// <see cref="HiggsOptions.SignalFraction"/> (a seeded label stream); signal rows take the next accepted signal event and
/// background rows the next accepted background event, each process from its own attempt streams. The output is the
/// same, bit for bit, for a given seed whatever the number of threads and the chunk size.
/// </summary>
public sealed class HiggsGenerator
{
    private readonly HiggsOptions _options;
    private readonly ulong _seed;
    private readonly HiggsEventSimulator _simulator;

    /// <summary>Creates the generator.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="HiggsOptions.Validate"/>).</exception>
    public HiggsGenerator(HiggsOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        _simulator = new HiggsEventSimulator(options);
        _options = options;
        _seed = seed;
    }

    /// <summary>The columns of every chunk.</summary>
    public IReadOnlyList<(string Name, ColumnType Type)> Schema => HiggsColumns.Schema(_options.IncludeEventId);

    /// <summary>
    /// Generates <paramref name="events"/> events and hands them to <paramref name="writeChunk"/> in chunks of at most
    /// <paramref name="chunkRows"/> rows, so memory does not grow with the number of events. With more than one thread
    /// a chunk is handed over on a worker thread while the next one is being simulated (one call at a time, in order,
    /// and the method returns after the last call has returned).
    /// </summary>
    /// <param name="events">How many events to write (&gt; 0).</param>
    /// <param name="writeChunk">Receives each chunk, in order.</param>
    /// <param name="chunkRows">Rows per chunk.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores. It never changes the output.</param>
    /// <returns>The number of events and the acceptance of signal and background.</returns>
    public GenerationSummary Generate(long events, Action<EventTable> writeChunk, int chunkRows = 1 << 18, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(writeChunk);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        Preconditions.CheckPositive(chunkRows);
        using var signal = new AcceptedEventStream(_simulator, true, _seed, maxDegreeOfParallelism, events);
        using var background = new AcceptedEventStream(_simulator, false, _seed, maxDegreeOfParallelism, events);
        var labels = new LabelSequence(_seed, _options.SignalFraction);
        var writing = Task.CompletedTask;
        try
        {
            for (long start = 0; start < events; start += chunkRows)
            {
                var chunk = NextChunk(start, (int)Math.Min(chunkRows, events - start), labels, signal, background);
                writing.GetAwaiter().GetResult();
                if (maxDegreeOfParallelism == 1)
                {
                    writeChunk(chunk);
                }
                else
                {
                    writing = Task.Run(() => writeChunk(chunk));
                }
            }
            writing.GetAwaiter().GetResult();
        }
        finally
        {
            if (!writing.IsCompleted)
            {
                // Failing while a chunk is being written: let that call end before the caller disposes of the writer.
                try
                {
                    writing.Wait();
                }
                catch (AggregateException)
                {
                    // the first failure is the one reported
                }
            }
        }
        return new GenerationSummary(events,
        [
            new ProcessAcceptance("signal", signal.Attempts, signal.Accepted),
            new ProcessAcceptance("background", background.Attempts, background.Accepted),
        ]);
    }

    // The rows from `start`: each takes the next accepted event of its class; features are copied into columns.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private EventTable NextChunk(long start, int rows, LabelSequence labels, AcceptedEventStream signal, AcceptedEventStream background)
    {
        var featureCount = HiggsEventSimulator.FeatureCount;
        var features = new float[featureCount][];
        for (var c = 0; c < featureCount; c++)
        {
            features[c] = new float[rows];
        }
        var label = new float[rows];
        var weight = new double[rows];
        Array.Fill(weight, 1.0);
        var eventId = _options.IncludeEventId ? new double[rows] : null;
        for (var r = 0; r < rows; r++)
        {
            var isSignal = labels.IsSignal(start + r);
            var values = (isSignal ? signal : background).Next(out var attempt);
            for (var c = 0; c < values.Length; c++)
            {
                features[c][r] = values[c];
            }
            label[r] = isSignal ? 1f : 0f;
            if (eventId is not null)
            {
                eventId[r] = attempt;
            }
        }
        var columns = new List<EventColumn>(featureCount + 3);
        for (var c = 0; c < featureCount; c++)
        {
            columns.Add(EventColumn.Float32(HiggsColumns.Features[c], features[c]));
        }
        columns.Add(EventColumn.Float32(EventTable.LabelColumn, label));
        columns.Add(EventColumn.Float64(EventTable.WeightColumn, weight));
        if (eventId is not null)
        {
            columns.Add(EventColumn.Float64(HiggsColumns.EventId, eventId));
        }
        return new EventTable(columns);
    }
}
