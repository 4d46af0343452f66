namespace Neyman.Learning.Trees;

/// <summary>
/// Computes a round's gradients and hessians and the mean loss at the same scores: for an
/// <see cref="IEventwiseObjective"/> in fixed blocks on several threads, block losses summed in block order.
/// </summary>
internal sealed class GradientPass(IBoostingObjective objective, WorkerTeam team)
{
    private const int BlockEvents = 16384;

    private readonly double totalWeight = objective is IEventwiseObjective eventwise ? eventwise.TotalWeight : double.NaN;

    /// <summary>Fills the gradients and hessians; returns the mean weighted loss at <paramref name="raw"/>.</summary>
    public double Run(double[] raw, float[] gradient, float[] hessian)
    {
        if (objective is not IEventwiseObjective eventwise)
        {
            objective.ComputeGradients(raw, gradient, hessian);
            return objective.MeanLoss(raw);
        }

        var k = objective.OutputCount;
        var n = objective.EventCount;
        var blocks = (n + BlockEvents - 1) / BlockEvents;
        var losses = new double[blocks];
        team.For(0, blocks, b =>
        {
            var first = b * BlockEvents;
            var count = Math.Min(BlockEvents, n - first);
            losses[b] = eventwise.ComputeBlock(
                first, raw.AsSpan(first * k, count * k), gradient.AsSpan(first * k, count * k), hessian.AsSpan(first * k, count * k));
        });
        var sum = 0.0;
        foreach (var loss in losses)
        {
            sum += loss;
        }

        return sum / totalWeight;
    }
}
