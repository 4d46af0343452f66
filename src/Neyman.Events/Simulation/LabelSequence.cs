using Neyman.Core;

namespace Neyman.Events.Simulation;

/// <summary>
/// Decides, row by row, whether an output event is signal: row r draws from the label stream of block r / 65536,
/// so the labels depend on the seed and the row only, not on chunk sizes or threads.
/// </summary>
internal sealed class LabelSequence(ulong seed, double signalFraction)
{
    private const int BlockShift = 16;
    private const long BlockMask = (1L << BlockShift) - 1;

    private RandomStream? _stream;

    /// <summary>Whether row <paramref name="row"/> is signal; rows must be asked for in order 0, 1, 2, ...</summary>
    public bool IsSignal(long row)
    {
        if ((row & BlockMask) == 0 || _stream is null)
        {
            _stream = RandomStream.ForBlock(seed, StreamPurpose.Labels, (ulong)(row >> BlockShift));
            for (var skip = row & BlockMask; skip > 0; skip--)
            {
                _stream.NextDouble();
            }
        }
        return _stream.NextDouble() < signalFraction;
    }
}
