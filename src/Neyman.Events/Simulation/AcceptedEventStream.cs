using System.Runtime.CompilerServices;
using Neyman.Core;

namespace Neyman.Events.Simulation;

/// <summary>
/// The accepted events of one process in attempt order. Attempts are simulated in fixed blocks, each with its own truth
/// and detector streams; a batch of blocks runs in parallel and the blocks are read back in order, so the sequence of
/// accepted events depends on the seed only, not on the number of threads. While one batch is read, the next ones are
/// simulated in the background (unless a single thread is asked for or the events still needed are already there).
/// </summary>
internal sealed class AcceptedEventStream : IDisposable
{
    public const int BlockAttempts = 4096;
    private const int BlocksPerBatch = 4;
    // Batches simulated ahead of the one being read: small batches, several in flight, keep both cores busy without
    // holding much memory (fresh memory is slow to fault in).
    private const int BatchesAhead = 3;
    private const long GiveUpAttempts = 1 << 18;

    private readonly HiggsEventSimulator _simulator;
    private readonly bool _signal;
    private readonly ulong _seed;
    private readonly int _maxDegreeOfParallelism;
    private readonly long _eventsNeeded;
    private readonly ulong _truthPurpose;
    private readonly ulong _detectorPurpose;
    private readonly Queue<(Task Task, Batch Batch)> _pending = new();
    private readonly Stack<Batch> _free = new();
    private Batch? _current;
    private long _nextBlock;
    private long _acceptedRead;
    private long _blocksRead;
    private int _batchBlock = BlocksPerBatch;
    private volatile bool _stopped;
    private int _row;

    /// <param name="simulator">The event simulation.</param>
    /// <param name="signal">Which process.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="maxDegreeOfParallelism">Threads; -1 for all.</param>
    /// <param name="eventsNeeded">At most how many events will be taken; no batch is simulated ahead beyond them.</param>
    public AcceptedEventStream(HiggsEventSimulator simulator, bool signal, ulong seed, int maxDegreeOfParallelism, long eventsNeeded)
    {
        _simulator = simulator;
        _signal = signal;
        _seed = seed;
        _maxDegreeOfParallelism = maxDegreeOfParallelism;
        _eventsNeeded = eventsNeeded;
        _truthPurpose = signal ? StreamPurpose.HiggsSignalTruth : StreamPurpose.HiggsBackgroundTruth;
        _detectorPurpose = signal ? StreamPurpose.HiggsSignalDetector : StreamPurpose.HiggsBackgroundDetector;
    }

    /// <summary>Attempts up to and including the last event taken.</summary>
    public long Attempts { get; private set; }

    /// <summary>Events taken.</summary>
    public long Accepted { get; private set; }

    /// <summary>The next accepted event: its features (a view valid until the next call) and its attempt index.</summary>
    public ReadOnlySpan<float> Next(out long attempt)
    {
        while (_current is null || _batchBlock >= BlocksPerBatch || _row >= _current.Counts[_batchBlock])
        {
            if (_batchBlock < BlocksPerBatch)
            {
                _batchBlock++;
                _row = 0;
            }
            if (_batchBlock >= BlocksPerBatch)
            {
                NextBatch();
            }
        }
        var block = _current.FirstBlock + _batchBlock;
        attempt = block * BlockAttempts + _current.Attempts[_batchBlock][_row];
        var features = _current.Features[_batchBlock].AsSpan(_row * HiggsEventSimulator.FeatureCount, HiggsEventSimulator.FeatureCount);
        _row++;
        Attempts = attempt + 1;
        Accepted++;
        return features;
    }

    /// <summary>Waits for a batch simulated ahead, so that no work outlives the generator run.</summary>
    public void Dispose()
    {
        // Batches simulated ahead that nobody will read stop at their next check instead of running to the end.
        _stopped = true;
        while (_pending.TryDequeue(out var pending))
        {
            try
            {
                pending.Task.Wait();
            }
            catch (AggregateException)
            {
                // a batch nobody will read; its failure does not matter
            }
        }
    }

    private void NextBatch()
    {
        if (_current is not null)
        {
            _acceptedRead += _current.Counts.Sum();
            _blocksRead += BlocksPerBatch;
            _free.Push(_current);
        }
        // Counted over the blocks read, not those simulated ahead, so the verdict does not depend on the threads.
        if (_acceptedRead == 0 && _blocksRead * BlockAttempts >= GiveUpAttempts)
        {
            throw new InputException(
                $"no {(_signal ? "signal" : "background")} event passed the selection in {_blocksRead * BlockAttempts} attempts; the thresholds are too tight",
                "higgs");
        }
        if (_pending.TryDequeue(out var pending))
        {
            pending.Task.GetAwaiter().GetResult();
            _current = pending.Batch;
        }
        else
        {
            _current = Take();
            Simulate(_current, _nextBlock);
            _nextBlock += BlocksPerBatch;
        }
        _batchBlock = 0;
        _row = 0;
        if (_maxDegreeOfParallelism != 1 && Accepted + _current.Counts.Sum() < _eventsNeeded)
        {
            while (_pending.Count < BatchesAhead)
            {
                var batch = Take();
                var first = _nextBlock;
                _nextBlock += BlocksPerBatch;
                _pending.Enqueue((Task.Run(() => Simulate(batch, first)), batch));
            }
        }
    }

    private Batch Take() => _free.TryPop(out var batch) ? batch : new Batch();

    private void Simulate(Batch batch, long first)
    {
        batch.FirstBlock = first;
        var options = new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism };
        Parallel.For(0, BlocksPerBatch, options, b => batch.Counts[b] = SimulateBlock(first + b, batch.Features[b], batch.Attempts[b], batch.Angles[b]));
    }

    // Fully optimized from the first call: blocks are few and long, so tiered compilation would run them in slow code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SimulateBlock(long block, float[] features, int[] attempts, DeferredAngles angles)
    {
        var truth = RandomStream.ForBlock(_seed, _truthPurpose, (ulong)block);
        var detector = RandomStream.ForBlock(_seed, _detectorPurpose, (ulong)block);
        var accepted = 0;
        var grouped = 0;
        for (var i = 0; i < BlockAttempts; i++)
        {
            if ((i & 255) == 0 && _stopped)
            {
                break;
            }
            var destination = features.AsSpan(accepted * HiggsEventSimulator.FeatureCount, HiggsEventSimulator.FeatureCount);
            if (_simulator.Simulate(_signal, truth, detector, destination, angles, grouped))
            {
                attempts[accepted] = i;
                accepted++;
                if (++grouped == DeferredAngles.Capacity)
                {
                    CompleteGroup(features, accepted, grouped, angles);
                    grouped = 0;
                }
            }
        }
        CompleteGroup(features, accepted, grouped, angles);
        return accepted;
    }

    // The angle features of the last `grouped` accepted events, taken together.
    private static void CompleteGroup(float[] features, int accepted, int grouped, DeferredAngles angles) =>
        angles.Complete(features.AsSpan((accepted - grouped) * HiggsEventSimulator.FeatureCount, grouped * HiggsEventSimulator.FeatureCount), grouped);

    // The accepted events of BlocksPerBatch consecutive blocks.
    private sealed class Batch
    {
        public long FirstBlock;
        public readonly float[][] Features = Enumerable.Range(0, BlocksPerBatch).Select(_ => new float[BlockAttempts * HiggsEventSimulator.FeatureCount]).ToArray();
        public readonly int[][] Attempts = Enumerable.Range(0, BlocksPerBatch).Select(_ => new int[BlockAttempts]).ToArray();
        public readonly int[] Counts = new int[BlocksPerBatch];
        public readonly DeferredAngles[] Angles = Enumerable.Range(0, BlocksPerBatch).Select(_ => new DeferredAngles()).ToArray();
    }
}
