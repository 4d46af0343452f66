using Neyman.Core;
using Neyman.Events.Tables;

namespace Neyman.Learning.Evaluation;

/// <summary>
/// Permutation feature importance (Breiman 2001): shuffle one feature column among the events, which
/// breaks its link to the label and to the other features while keeping its distribution, score
/// again, and record the drop of the weighted AUC. Every shuffle draws from the stream
/// (seed, feature index, repeat), so results depend on the seed only.
/// </summary>
public static class PermutationImportance
{
    /// <summary>Computes the importance of each feature, most important first.</summary>
    /// <param name="score">Scores a table of events (one value per event), for example a model's prediction.</param>
    /// <param name="events">The events, with the feature columns, a <c>label</c> column and optionally <c>weight</c>.</param>
    /// <param name="features">The features to shuffle, one at a time.</param>
    /// <param name="repeats">The number of shuffles per feature.</param>
    /// <param name="seed">The seed of the shuffles.</param>
    /// <exception cref="InputException">The table has no label column, or the labels or weights are unusable.</exception>
    public static IReadOnlyList<FeatureImportance> Compute(
        Func<EventTable, double[]> score, EventTable events, IReadOnlyList<string> features, int repeats, ulong seed)
    {
        Preconditions.CheckPositive(repeats);
        if (!events.HasLabel)
        {
            throw new InputException("the events have no 'label' column; expected 1 for signal and 0 for background");
        }
        var labels = events[EventTable.LabelColumn].ToFloat64Array();
        var weights = events.HasWeight ? events[EventTable.WeightColumn].ToFloat64Array() : [];
        var baseline = BinaryScores.Create(score(events), labels, weights);
        var baselineAuc = AreaUnderCurve.Compute(baseline);
        var result = new List<FeatureImportance>();
        for (var f = 0; f < features.Count; f++)
        {
            var decreases = new double[repeats];
            for (var r = 0; r < repeats; r++)
            {
                var shuffled = events[features[f]].ToFloat64Array();
                RandomStream.ForBlock(seed, (ulong)f, (ulong)r).Shuffle(shuffled.AsSpan());
                var table = events.WithColumn(EventColumn.Float64(features[f], shuffled));
                decreases[r] = baselineAuc - AreaUnderCurve.Compute(baseline.WithScores(score(table)));
            }
            var mean = decreases.Average();
            var spread = repeats > 1 ? Math.Sqrt(decreases.Sum(d => (d - mean) * (d - mean)) / (repeats - 1)) : 0;
            result.Add(new FeatureImportance(features[f], mean, spread));
        }
        return result.OrderByDescending(x => x.AucDecrease).ToArray();
    }
}
