using Neyman.Core;
using Neyman.Events.Tables;
using Neyman.Learning.Models;

namespace Neyman.Learning.Training;

/// <summary>
/// k-fold training as in TMVA's cross-validation: events are dealt into k folds by a seeded permutation (fold sizes
/// differ by at most one); model j is trained on every fold but j and scores only fold j, so each event is scored
/// by the one model that did not see it.
/// </summary>
public static class KFold
{
    private const ulong Purpose = 0x6B666F6C64;

    /// <summary>The fold (0..k-1) of each event.</summary>
    /// <param name="eventCount">The number of events.</param>
    /// <param name="foldCount">The number of folds, at least 2.</param>
    /// <param name="seed">The seed.</param>
    public static int[] AssignFolds(int eventCount, int foldCount, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eventCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(foldCount, 2);
        var order = EventSplit.Permutation(eventCount, seed, Purpose);
        var fold = new int[eventCount];
        for (var position = 0; position < eventCount; position++)
        {
            fold[order[position]] = position % foldCount;
        }

        return fold;
    }

    /// <summary>Trains one model per fold and scores every event with the model that did not see it.</summary>
    /// <param name="events">All events.</param>
    /// <param name="foldCount">The number of folds, at least 2 and at most the number of events.</param>
    /// <param name="seed">The seed of the fold assignment.</param>
    /// <param name="train">Trains a model on the given events; receives the fold index held out.</param>
    public static KFoldResult Run(EventTable events, int foldCount, ulong seed, Func<EventTable, int, IEventModel> train)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(train);
        if (foldCount < 2 || foldCount > events.RowCount)
        {
            throw new InputException($"got {foldCount} folds for {events.RowCount} events; expected 2 to {events.RowCount}", "--kfold");
        }

        var fold = AssignFolds(events.RowCount, foldCount, seed);
        var models = new IEventModel[foldCount];
        float[][]? scores = null;
        IReadOnlyList<string>? names = null;
        for (var j = 0; j < foldCount; j++)
        {
            var held = Enumerable.Range(0, events.RowCount).Where(i => fold[i] == j).ToArray();
            var kept = Enumerable.Range(0, events.RowCount).Where(i => fold[i] != j).ToArray();
            models[j] = train(events.Take(kept), j);
            var predicted = models[j].Predict(events.Take(held));
            names ??= models[j].OutputNames;
            scores ??= [.. names.Select(_ => new float[events.RowCount])];
            for (var c = 0; c < names.Count; c++)
            {
                var column = predicted[names[c]];
                for (var i = 0; i < held.Length; i++)
                {
                    scores[c][held[i]] = (float)column[i];
                }
            }
        }

        var table = new EventTable(names!.Select((name, c) => EventColumn.Float32(name, scores![c])));
        return new KFoldResult(models, fold, table);
    }
}
