namespace Neyman.Learning.Trees;

/// <summary>
/// Where the training rows of a freshly grown tree ended: leaves holding a range of the row buffer, and splits at the
/// depth limit whose rows were left unpartitioned (<see cref="DeferredSplit"/>). Every row of the tree is in exactly
/// one of them; within each leaf rows are visited in ascending order, as if the last splits had been partitioned.
/// </summary>
internal sealed class GrownRows(int[] rows, int rowCount, List<GrownLeaf> leaves, List<DeferredSplit> deferred, byte[] slotScratch)
{
    private const int RowBlock = 16384;

    /// <summary>The number of leaves.</summary>
    public int LeafCount => leaves.Count + (2 * deferred.Count);

    /// <summary>Adds each row's leaf value to its score: scores[row * outputs + output] += values[leaf].</summary>
    /// <param name="scores">The raw scores, event-major.</param>
    /// <param name="outputs">Scores per event.</param>
    /// <param name="output">The output this tree belongs to.</param>
    /// <param name="values">The tree's node values.</param>
    /// <param name="team">The threads; leaves hold disjoint rows, so the split of the work changes no bit.</param>
    public void AddValues(double[] scores, int outputs, int output, IReadOnlyList<double> values, WorkerTeam team)
    {
        if (outputs == 1 && LeafCount <= 256 && rowCount == scores.Length && slotScratch.Length == scores.Length)
        {
            AddValuesInRowOrder(scores, values, team);
            return;
        }

        team.For(0, leaves.Count + deferred.Count, item =>
        {
            if (item < leaves.Count)
            {
                var leaf = leaves[item];
                var value = values[leaf.Node];
                foreach (var row in rows.AsSpan(leaf.Start, leaf.Count))
                {
                    scores[(row * outputs) + output] += value;
                }

                return;
            }

            var split = deferred[item - leaves.Count];
            ReadOnlySpan<double> pair = [values[split.LeftNode + 1], values[split.LeftNode]];
            var (column, goesLeft) = (split.Column, split.GoesLeft);
            foreach (var row in rows.AsSpan(split.Start, split.Count))
            {
                scores[(row * outputs) + output] += pair[goesLeft[column[row]]];
            }
        });
    }

    // Every event's leaf as a byte (a slot: the leaves first, then two per deferred split), written by the leaves with
    // their scattered rows into an array small enough for the caches, then the scores in one sequential pass: adding
    // values at scattered rows of the large score array directly costs a cache miss per event.
    private void AddValuesInRowOrder(double[] scores, IReadOnlyList<double> values, WorkerTeam team)
    {
        var slots = slotScratch;
        var slotValues = new double[256];
        for (var l = 0; l < leaves.Count; l++)
        {
            slotValues[l] = values[leaves[l].Node];
        }

        for (var d = 0; d < deferred.Count; d++)
        {
            // Slot + 1 for the left leaf (goesLeft is 1), slot for the right one.
            slotValues[leaves.Count + (2 * d)] = values[deferred[d].LeftNode + 1];
            slotValues[leaves.Count + (2 * d) + 1] = values[deferred[d].LeftNode];
        }

        team.For(0, leaves.Count + deferred.Count, item =>
        {
            if (item < leaves.Count)
            {
                var leaf = leaves[item];
                var slot = (byte)item;
                foreach (var row in rows.AsSpan(leaf.Start, leaf.Count))
                {
                    slots[row] = slot;
                }

                return;
            }

            var split = deferred[item - leaves.Count];
            var right = leaves.Count + (2 * (item - leaves.Count));
            var (column, goesLeft) = (split.Column, split.GoesLeft);
            foreach (var row in rows.AsSpan(split.Start, split.Count))
            {
                slots[row] = (byte)(right + goesLeft[column[row]]);
            }
        });
        team.For(0, (scores.Length + RowBlock - 1) / RowBlock, b =>
        {
            var to = Math.Min(scores.Length, (b + 1) * RowBlock);
            for (var i = b * RowBlock; i < to; i++)
            {
                scores[i] += slotValues[slots[i]];
            }
        });
    }

    /// <summary>Sets leafOf[row] to the node index of each row's leaf.</summary>
    /// <param name="leafOf">Per-event leaf indices; rows outside the tree are left alone.</param>
    public void FillLeafOf(int[] leafOf)
    {
        foreach (var leaf in leaves)
        {
            foreach (var row in rows.AsSpan(leaf.Start, leaf.Count))
            {
                leafOf[row] = leaf.Node;
            }
        }

        foreach (var split in deferred)
        {
            foreach (var row in rows.AsSpan(split.Start, split.Count))
            {
                leafOf[row] = split.LeafOf(row);
            }
        }
    }

    /// <summary>
    /// The exact gradient and hessian sums of every leaf, each in ascending row order, as (node, gradient, hessian).
    /// </summary>
    /// <param name="gradient">Per-event gradients.</param>
    /// <param name="hessian">Per-event hessians.</param>
    /// <param name="team">The threads.</param>
    public (int Node, double Gradient, double Hessian)[] LeafSums(float[] gradient, float[] hessian, WorkerTeam team)
    {
        var sums = new (int Node, double Gradient, double Hessian)[LeafCount];
        team.For(0, leaves.Count + deferred.Count, item =>
        {
            if (item < leaves.Count)
            {
                var leaf = leaves[item];
                double g = 0, h = 0;
                foreach (var row in rows.AsSpan(leaf.Start, leaf.Count))
                {
                    g += gradient[row];
                    h += hessian[row];
                }

                sums[item] = (leaf.Node, g, h);
                return;
            }

            var index = item - leaves.Count;
            var split = deferred[index];
            // [0] the right leaf, [1] the left one: each side's rows summed in ascending order.
            Span<double> g2 = stackalloc double[2];
            Span<double> h2 = stackalloc double[2];
            g2.Clear();
            h2.Clear();
            var (column, goesLeft) = (split.Column, split.GoesLeft);
            foreach (var row in rows.AsSpan(split.Start, split.Count))
            {
                int side = goesLeft[column[row]];
                g2[side] += gradient[row];
                h2[side] += hessian[row];
            }

            sums[leaves.Count + (2 * index)] = (split.LeftNode, g2[1], h2[1]);
            sums[leaves.Count + (2 * index) + 1] = (split.LeftNode + 1, g2[0], h2[0]);
        });
        return sums;
    }
}
