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
    /// <param name="reuseChunks">
    /// Fill the column arrays of a chunk again two chunks later, which saves allocating (and, on first touch, faulting in)
    /// fresh memory for every chunk: <paramref name="writeChunk"/> must then be done with a table when it returns, as the
    /// event file writers are.
    /// </param>
    /// <returns>The number of events and the acceptance of signal and background.</returns>
    public GenerationSummary Generate(long events, Action<EventTable> writeChunk, int chunkRows = 1 << 16, int maxDegreeOfParallelism = -1,
        bool reuseChunks = false)
    {
        ArgumentNullException.ThrowIfNull(writeChunk);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        Preconditions.CheckPositive(chunkRows);
        using var signal = new AcceptedEventStream(_simulator, true, _seed, maxDegreeOfParallelism, events);
        using var background = new AcceptedEventStream(_simulator, false, _seed, maxDegreeOfParallelism, events);
        var labels = new LabelSequence(_seed, _options.SignalFraction);
        using var handOver = new ChunkHandOver(writeChunk, maxDegreeOfParallelism);
        // Two sets of column arrays when reused: one being written while the other is filled.
        var buffers = new ChunkBuffers?[2];
        var chunkIndex = 0;
        for (long start = 0; start < events; start += chunkRows)
        {
            var rows = (int)Math.Min(chunkRows, events - start);
            var set = reuseChunks ? buffers[chunkIndex++ % 2] ??= new ChunkBuffers(rows, _options.IncludeEventId) : null;
            handOver.Add(NextChunk(start, rows, labels, signal, background, set ?? new ChunkBuffers(rows, _options.IncludeEventId)));
        }
        handOver.Complete();
        return new GenerationSummary(events,
        [
            new ProcessAcceptance("signal", signal.Attempts, signal.Accepted),
            new ProcessAcceptance("background", background.Attempts, background.Accepted),
        ]);
    }

    // The rows from `start`: each takes the next accepted event of its class. A tile of rows is copied as it comes (the
    // stream's view of an event does not outlive its batch), then into the columns, each written in order.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private EventTable NextChunk(long start, int rows, LabelSequence labels, AcceptedEventStream signal, AcceptedEventStream background,
        ChunkBuffers buffers)
    {
        const int tile = 256;
        var featureCount = HiggsEventSimulator.FeatureCount;
        var features = buffers.Features;
        var label = buffers.Label;
        var eventId = buffers.EventId;
        var rowsOfTile = new float[tile * featureCount];
        for (var first = 0; first < rows; first += tile)
        {
            var count = Math.Min(tile, rows - first);
            for (var k = 0; k < count; k++)
            {
                var r = first + k;
                var isSignal = labels.IsSignal(start + r);
                (isSignal ? signal : background).Next(out var attempt).CopyTo(rowsOfTile.AsSpan(k * featureCount, featureCount));
                label[r] = isSignal ? 1f : 0f;
                if (eventId is not null)
                {
                    eventId[r] = attempt;
                }
            }
            for (var c = 0; c < featureCount; c++)
            {
                var column = features[c].AsSpan(first, count);
                for (var k = 0; k < column.Length; k++)
                {
                    column[k] = rowsOfTile[k * featureCount + c];
                }
            }
        }
        var columns = new List<EventColumn>(featureCount + 3);
        for (var c = 0; c < featureCount; c++)
        {
            columns.Add(EventColumn.Float32(HiggsColumns.Features[c], Rows(features[c], rows)));
        }
        columns.Add(EventColumn.Float32(EventTable.LabelColumn, Rows(label, rows)));
        columns.Add(EventColumn.Float64(EventTable.WeightColumn, Rows(buffers.Weight, rows)));
        if (eventId is not null)
        {
            columns.Add(EventColumn.Float64(HiggsColumns.EventId, Rows(eventId, rows)));
        }
        return new EventTable(columns);
    }

    // A reused array is as long as the first chunk; the last chunk may be shorter.
    private static T[] Rows<T>(T[] array, int rows) => array.Length == rows ? array : array[..rows];

    // The column arrays of one chunk.
    private sealed class ChunkBuffers
    {
        public ChunkBuffers(int rows, bool eventId)
        {
            Features = new float[HiggsEventSimulator.FeatureCount][];
            for (var c = 0; c < Features.Length; c++)
            {
                Features[c] = new float[rows];
            }
            Label = new float[rows];
            Weight = new double[rows];
            Array.Fill(Weight, 1.0);
            EventId = eventId ? new double[rows] : null;
        }

        public float[][] Features { get; }

        public float[] Label { get; }

        public double[] Weight { get; }

        public double[]? EventId { get; }
    }
}
