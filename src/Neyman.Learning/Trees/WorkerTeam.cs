using System.Diagnostics;

namespace Neyman.Learning.Trees;

/// <summary>
/// A fixed team of threads for the many short parallel loops of tree growing (a few hundred per tree). Between
/// loops the helpers spin for a fraction of a millisecond before they sleep, as OpenMP teams do, so a loop that
/// follows soon after the last one starts without waking threads: with the thread pool every loop paid for a
/// wake-up and a context switch. Loop bodies must write only to places fixed by their index, which keeps results
/// independent of the thread count. A loop called from inside a loop body runs on the calling thread.
/// </summary>
internal sealed class WorkerTeam : IDisposable
{
    private static readonly long SpinTicks = Stopwatch.Frequency / 5000;

    private readonly Thread[] helpers;
    private readonly CancellationToken cancellation;
    private readonly object gate = new();
    private Action<int>? body;
    private int next;
    private int end;
    private int busy;
    private int active;
    private long generation;
    private volatile bool disposed;
    private Exception? failure;

    /// <summary>Starts the helpers: one fewer than the threads <paramref name="parallel"/> allows.</summary>
    /// <param name="parallel">The thread limit (-1: one per processor) and the cancellation of every loop.</param>
    public WorkerTeam(ParallelOptions parallel)
    {
        var threads = parallel.MaxDegreeOfParallelism > 0 ? parallel.MaxDegreeOfParallelism : Environment.ProcessorCount;
        cancellation = parallel.CancellationToken;
        helpers = new Thread[Math.Max(0, threads - 1)];
        for (var t = 0; t < helpers.Length; t++)
        {
            helpers[t] = new Thread(Help) { IsBackground = true, Name = $"neyman-trees-{t + 1}" };
            helpers[t].Start();
        }
    }

    /// <summary>The number of threads that run a loop (the caller and the helpers).</summary>
    public int Threads => helpers.Length + 1;

    /// <summary>Runs <paramref name="loopBody"/> for every index in [from, to) on the team, the caller included.</summary>
    /// <param name="from">The first index.</param>
    /// <param name="to">One past the last index.</param>
    /// <param name="loopBody">The body; it must not depend on which thread runs which index.</param>
    /// <exception cref="AggregateException">A body threw (the first exception inside).</exception>
    public void For(int from, int to, Action<int> loopBody)
    {
        cancellation.ThrowIfCancellationRequested();
        if (to - from <= 1 || helpers.Length == 0 || Interlocked.Exchange(ref active, 1) == 1)
        {
            for (var i = from; i < to; i++)
            {
                loopBody(i);
            }

            return;
        }

        try
        {
            body = loopBody;
            next = from;
            end = to;
            failure = null;
            busy = helpers.Length;
            lock (gate)
            {
                generation++;
                Monitor.PulseAll(gate);
            }

            Work();
            var wait = new SpinWait();
            while (Volatile.Read(ref busy) > 0)
            {
                wait.SpinOnce(sleep1Threshold: -1);
            }

            body = null;
            if (failure is { } e)
            {
                throw new AggregateException(e);
            }
        }
        finally
        {
            Volatile.Write(ref active, 0);
        }
    }

    /// <summary>Stops the helpers.</summary>
    public void Dispose()
    {
        disposed = true;
        lock (gate)
        {
            Monitor.PulseAll(gate);
        }
    }

    private void Help()
    {
        long seen = 0;
        while (true)
        {
            var spinUntil = Stopwatch.GetTimestamp() + SpinTicks;
            while (Volatile.Read(ref generation) == seen)
            {
                if (disposed)
                {
                    return;
                }

                if (Stopwatch.GetTimestamp() < spinUntil)
                {
                    Thread.SpinWait(16);
                    continue;
                }

                lock (gate)
                {
                    while (generation == seen && !disposed)
                    {
                        Monitor.Wait(gate);
                    }
                }
            }

            seen = Volatile.Read(ref generation);
            Work();
            Interlocked.Decrement(ref busy);
        }
    }

    private void Work()
    {
        var loopBody = body!;
        while (true)
        {
            var i = Interlocked.Increment(ref next) - 1;
            if (i >= end)
            {
                return;
            }

            try
            {
                loopBody(i);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                Volatile.Write(ref next, end);
            }
        }
    }
}
