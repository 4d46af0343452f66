namespace Neyman.Learning.Trees;

/// <summary>
/// Splits a node's rows (a range of the row buffer, ascending) into its children's: a stable partition, so each
/// child's rows stay ascending and the sums over them keep their order. Each chunk of rows goes in one branch-free
/// pass to a left and a right scratch run, then every chunk copies its two runs back to offsets fixed by the counts
/// of the chunks before it: the same result on any number of threads.
/// </summary>
internal sealed class RowPartitioner(int rowCount, WorkerTeam team)
{
    private const int ParallelRows = 8192;

    private readonly int[] scratch = new int[rowCount];
    private readonly int[] rightScratch = new int[rowCount];

    /// <summary>Partitions rows[start, start + count) by the split; returns how many go left (they come first).</summary>
    /// <param name="column">The bins of the split's feature, indexed by row.</param>
    /// <param name="split">The split.</param>
    /// <param name="rows">The row buffer.</param>
    /// <param name="start">The node's first position in the buffer.</param>
    /// <param name="count">The node's number of rows.</param>
    public int Partition(byte[] column, SplitCandidate split, int[] rows, int start, int count)
    {
        var goesLeft = GoesLeftTable(split);

        var chunks = Math.Max(1, Math.Min(count / ParallelRows, 4 * team.Threads));
        var leftCounts = new int[chunks];
        team.For(0, chunks, c =>
        {
            var from = start + (int)((long)count * c / chunks);
            var to = start + (int)((long)count * (c + 1) / chunks);
            leftCounts[c] = SplitRun(column, goesLeft, rows, from, to);
        });
        var totalLeft = 0;
        foreach (var left in leftCounts)
        {
            totalLeft += left;
        }

        team.For(0, chunks, c =>
        {
            var from = start + (int)((long)count * c / chunks);
            var to = start + (int)((long)count * (c + 1) / chunks);
            var leftBefore = 0;
            for (var d = 0; d < c; d++)
            {
                leftBefore += leftCounts[d];
            }

            var left = leftCounts[c];
            var leftAt = start + leftBefore;
            var rightAt = start + totalLeft + (from - start - leftBefore);
            scratch.AsSpan(from, left).CopyTo(rows.AsSpan(leftAt));
            rightScratch.AsSpan(from, to - from - left).CopyTo(rows.AsSpan(rightAt));
        });
        return totalLeft;
    }

    /// <summary>1 for each bin that goes left under the split (the missing bin by its default direction), 0 for the others.</summary>
    /// <param name="split">The split.</param>
    public static byte[] GoesLeftTable(SplitCandidate split)
    {
        var goesLeft = new byte[GradientHistogram.BinsPerFeature];
        for (var bin = 0; bin < goesLeft.Length; bin++)
        {
            var left = bin == FeatureBinMapper.MissingBin ? split.MissingGoesLeft : bin <= split.Bin;
            goesLeft[bin] = (byte)(left ? 1 : 0);
        }

        return goesLeft;
    }

    // Rows [from, to) to the left scratch run (from 'from' on) or the right one, without branches; returns the left count.
    private int SplitRun(byte[] column, byte[] goesLeft, int[] rows, int from, int to)
    {
        var (left, right) = (from, from);
        for (var i = from; i < to; i++)
        {
            var row = rows[i];
            int l = goesLeft[column[row]];
            scratch[left] = row;
            rightScratch[right] = row;
            left += l;
            right += 1 - l;
        }

        return left - from;
    }
}
