using Neyman.Events.Tables;

namespace Neyman.Events.Simulation;

/// <summary>
/// Hands a generator's chunks to its callback while the generator makes the next one: each chunk is handed over on a
/// thread of its own (not the thread pool, where it would wait behind the simulation's work items), one call at a
/// time and in order, after the call for the chunk before has returned. With one thread the calls are made in line.
/// A failure of the callback comes out of the next <see cref="Add"/> or of <see cref="Complete"/>.
/// </summary>
internal sealed class ChunkHandOver(Action<EventTable> writeChunk, int maxDegreeOfParallelism) : IDisposable
{
    private Task _writing = Task.CompletedTask;

    /// <summary>Waits for the chunk before to be written, then hands over <paramref name="chunk"/>.</summary>
    public void Add(EventTable chunk)
    {
        _writing.GetAwaiter().GetResult();
        if (maxDegreeOfParallelism == 1)
        {
            writeChunk(chunk);
        }
        else
        {
            _writing = Task.Factory.StartNew(() => writeChunk(chunk), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    /// <summary>Waits for the last chunk to be written.</summary>
    public void Complete() => _writing.GetAwaiter().GetResult();

    /// <summary>Failing while a chunk is being written: lets that call end before the caller disposes of the writer.</summary>
    public void Dispose()
    {
        if (_writing.IsCompleted)
        {
            return;
        }
        try
        {
            _writing.Wait();
        }
        catch (AggregateException)
        {
            // the first failure is the one reported
        }
    }
}
