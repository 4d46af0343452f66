namespace Neyman.Learning.Trees;

/// <summary>
/// Computes a round's gradients and hessians and the mean loss at the same scores: for an
/// <see cref="IEventwiseObjective"/> in fixed blocks on several threads, block losses summed in block order.
/// </summary>
/// <param name="objective">The objective.</param>
/// <param name="team">The threads.</param>
/// <param name="takeExtremes">Whether to keep the gradient extremes (quantized training of one output needs them).</param>
internal sealed class GradientPass(IBoostingObjective objective, WorkerTeam team, bool takeExtremes)
{
    private const int BlockEvents = 16384;

    private readonly double totalWeight = objective is IEventwiseObjective eventwise ? eventwise.TotalWeight : double.NaN;

    /// <summary>
    /// The extremes of the gradients and hessians of the last <see cref="Run"/> over all events and outputs, when they
    /// were asked for and the objective is computed event by event; null otherwise.
    /// </summary>
    public GradientExtremes? Extremes { get; private set; }

    /// <summary>Fills the gradients and hessians; returns the mean weighted loss at <paramref name="raw"/>.</summary>
    public double Run(double[] raw, float[] gradient, float[] hessian)
    {
        if (objective is not IEventwiseObjective eventwise)
        {
            Extremes = null;
            objective.ComputeGradients(raw, gradient, hessian);
            return objective.MeanLoss(raw);
        }

        var k = objective.OutputCount;
        var n = objective.EventCount;
        var blocks = (n + BlockEvents - 1) / BlockEvents;
        var losses = new double[blocks];
        var extremes = new GradientExtremes[blocks];
        team.For(0, blocks, b =>
        {
            var first = b * BlockEvents;
            var count = Math.Min(BlockEvents, n - first);
            Span<float> g = gradient.AsSpan(first * k, count * k), h = hessian.AsSpan(first * k, count * k);
            losses[b] = eventwise.ComputeBlock(first, raw.AsSpan(first * k, count * k), g, h);
            if (takeExtremes)
            {
                // While the block is in the cache: what quantized training needs to set its scales.
                extremes[b] = GradientExtremes.Of(g, h);
            }
        });
        var sum = 0.0;
        var all = new GradientExtremes(0, 0, 0);
        for (var b = 0; b < blocks; b++)
        {
            sum += losses[b];
            all = all.With(extremes[b]);
        }

        Extremes = takeExtremes ? all : null;
        return sum / totalWeight;
    }
}
