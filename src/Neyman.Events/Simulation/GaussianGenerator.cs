using Neyman.Core;
using Neyman.Events.Tables;

namespace Neyman.Events.Simulation;

/// <summary>
/// Generates events of the <c>gaussian</c> process: columns <c>x1</c> ... <c>xd</c> (float32), <c>true_llr</c>
/// (float64, the exact log p_s(x) / p_b(x) of the float32 values written), <c>label</c> and <c>weight</c> (1).
/// Rows come in fixed blocks, each with its own random stream, so the output depends on the seed only.
/// </summary>
public sealed class GaussianGenerator
{
    /// <summary>The name of the exact log-likelihood-ratio column.</summary>
    public const string TrueLlrColumn = "true_llr";

    private const int BlockRows = 16384;

    private readonly GaussianOptions _options;
    private readonly ulong _seed;

    /// <summary>Creates the generator and its mixtures.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public GaussianGenerator(GaussianOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        (Signal, Background) = GaussianMixture.Create(options);
        _options = options;
        _seed = seed;
    }

    /// <summary>The signal density.</summary>
    public GaussianMixture Signal { get; }

    /// <summary>The background density.</summary>
    public GaussianMixture Background { get; }

    /// <summary>The feature names x1 ... xd.</summary>
    public IReadOnlyList<string> FeatureNames => Enumerable.Range(1, _options.Dimensions).Select(i => "x" + i).ToArray();

    /// <summary>The columns of every chunk.</summary>
    public IReadOnlyList<(string Name, ColumnType Type)> Schema =>
        FeatureNames.Select(n => (n, ColumnType.Float32))
            .Append((TrueLlrColumn, ColumnType.Float64))
            .Append((EventTable.LabelColumn, ColumnType.Float32))
            .Append((EventTable.WeightColumn, ColumnType.Float64))
            .ToArray();

    /// <summary>
    /// Generates <paramref name="events"/> events, handed to <paramref name="writeChunk"/> in order (with more than one
    /// thread on a thread of its own while the next chunk is simulated, one call at a time).
    /// </summary>
    /// <param name="events">How many events (&gt; 0).</param>
    /// <param name="writeChunk">Receives each chunk.</param>
    /// <param name="chunkRows">About how many rows per chunk (rounded to whole blocks of 16,384).</param>
    /// <param name="maxDegreeOfParallelism">Threads; -1 for all cores. It never changes the output.</param>
    /// <returns>The number of events; the one "process" entry counts signal rows as accepted of all rows.</returns>
    public GenerationSummary Generate(long events, Action<EventTable> writeChunk, int chunkRows = 1 << 18, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(writeChunk);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(events);
        Preconditions.CheckPositive(chunkRows);
        var d = _options.Dimensions;
        var blocksPerChunk = Math.Max(1, chunkRows / BlockRows);
        long signalRows = 0;
        using var handOver = new ChunkHandOver(writeChunk, maxDegreeOfParallelism);
        for (long start = 0; start < events; start += (long)blocksPerChunk * BlockRows)
        {
            var rows = (int)Math.Min((long)blocksPerChunk * BlockRows, events - start);
            var features = new float[d][];
            for (var c = 0; c < d; c++)
            {
                features[c] = new float[rows];
            }
            var llr = new double[rows];
            var label = new float[rows];
            var weight = new double[rows];
            var firstBlock = start / BlockRows;
            var blocks = (rows + BlockRows - 1) / BlockRows;
            Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, b =>
            {
                var offset = b * BlockRows;
                var count = Math.Min(BlockRows, rows - offset);
                SimulateBlock(firstBlock + b, offset, count, features, llr, label, weight);
            });
            foreach (var l in label)
            {
                signalRows += l == 1f ? 1 : 0;
            }
            var columns = features.Select((values, c) => EventColumn.Float32("x" + (c + 1), values)).ToList();
            columns.Add(EventColumn.Float64(TrueLlrColumn, llr));
            columns.Add(EventColumn.Float32(EventTable.LabelColumn, label));
            columns.Add(EventColumn.Float64(EventTable.WeightColumn, weight));
            handOver.Add(new EventTable(columns));
        }
        handOver.Complete();
        return new GenerationSummary(events, [new ProcessAcceptance("signal", events, signalRows)]);
    }

    private void SimulateBlock(long block, int offset, int count, float[][] features, double[] llr, float[] label, double[] weight)
    {
        var random = RandomStream.ForBlock(_seed, StreamPurpose.GaussianEvents, (ulong)block);
        var d = _options.Dimensions;
        Span<double> x = stackalloc double[d];
        for (var r = offset; r < offset + count; r++)
        {
            var isSignal = random.NextDouble() < _options.SignalFraction;
            (isSignal ? Signal : Background).Sample(random, x);
            for (var c = 0; c < d; c++)
            {
                features[c][r] = (float)x[c];
                x[c] = features[c][r];
            }
            llr[r] = Signal.LogDensity(x) - Background.LogDensity(x);
            label[r] = isSignal ? 1f : 0f;
            weight[r] = 1.0;
        }
    }
}
