using Neyman.Core;
using Neyman.Events.Tables;

namespace Neyman.Learning.Evaluation;

/// <summary>
/// Classifier scores of events with their true class (signal or background) and event weights,
/// checked once so that every metric can trust them: equal lengths, finite values, labels 0 or 1,
/// both classes present, and a positive total weight in each class. Individual weights may be
/// negative (NLO generators produce them); only the class totals must be positive.
/// </summary>
public sealed class BinaryScores
{
    private BinaryScores(double[] scores, bool[] isSignal, double[] weights, double signalWeight, double backgroundWeight, int signalCount)
    {
        Scores = scores;
        IsSignal = isSignal;
        Weights = weights;
        SignalWeight = signalWeight;
        BackgroundWeight = backgroundWeight;
        SignalCount = signalCount;
    }

    /// <summary>The classifier output per event; larger means more signal-like.</summary>
    public double[] Scores { get; }

    /// <summary>True for signal events (label 1), false for background (label 0).</summary>
    public bool[] IsSignal { get; }

    /// <summary>The event weights (all 1 when none were given).</summary>
    public double[] Weights { get; }

    /// <summary>The sum of signal weights (positive).</summary>
    public double SignalWeight { get; }

    /// <summary>The sum of background weights (positive).</summary>
    public double BackgroundWeight { get; }

    /// <summary>The number of signal events.</summary>
    public int SignalCount { get; }

    /// <summary>The number of background events.</summary>
    public int BackgroundCount => Scores.Length - SignalCount;

    /// <summary>The number of events.</summary>
    public int Count => Scores.Length;

    /// <summary>
    /// Checks and copies scores, labels (0 background, 1 signal) and optional weights.
    /// </summary>
    /// <param name="scores">Classifier outputs, finite.</param>
    /// <param name="labels">0 or 1 per event.</param>
    /// <param name="weights">Event weights, finite; an empty span means unit weights.</param>
    /// <param name="source">Where the numbers came from (a file name), used in error messages.</param>
    /// <exception cref="InputException">Lengths differ, a value is not finite, a label is not 0 or 1,
    /// a class is missing, or a class's weights sum to zero or less.</exception>
    public static BinaryScores Create(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels, ReadOnlySpan<double> weights = default, string? source = null) =>
        Create(scores, labels, weights, source, "score");

    private static BinaryScores Create(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels, ReadOnlySpan<double> weights, string? source, string scoreColumn)
    {
        if (scores.Length != labels.Length)
        {
            throw new InputException($"there are {scores.Length} scores but {labels.Length} labels; expected one label per score", source);
        }
        if (!weights.IsEmpty && weights.Length != scores.Length)
        {
            throw new InputException($"there are {scores.Length} scores but {weights.Length} weights; expected one weight per score", source);
        }
        var n = scores.Length;
        var copy = new double[n];
        var isSignal = new bool[n];
        var w = new double[n];
        double signalWeight = 0, backgroundWeight = 0;
        var signalCount = 0;
        for (var i = 0; i < n; i++)
        {
            var score = scores[i];
            if (!double.IsFinite(score))
            {
                throw new InputException($"the score is {score}; expected a finite number", source, $"row {i + 1}, column '{scoreColumn}'");
            }
            var label = labels[i];
            if (label != 0 && label != 1)
            {
                throw new InputException($"the label is {label}; expected 0 (background) or 1 (signal)", source, $"row {i + 1}, column 'label'");
            }
            var weight = weights.IsEmpty ? 1.0 : weights[i];
            if (!double.IsFinite(weight))
            {
                throw new InputException($"the weight is {weight}; expected a finite number", source, $"row {i + 1}, column 'weight'");
            }
            copy[i] = score;
            w[i] = weight;
            if (label == 1)
            {
                isSignal[i] = true;
                signalCount++;
                signalWeight += weight;
            }
            else
            {
                backgroundWeight += weight;
            }
        }
        if (signalCount == 0 || signalCount == n)
        {
            var present = n == 0 ? "no events" : signalCount == 0 ? "only background (label 0)" : "only signal (label 1)";
            throw new InputException($"the sample has {present}; expected both signal (label 1) and background (label 0) events", source);
        }
        if (!(signalWeight > 0))
        {
            throw new InputException($"the signal weights sum to {signalWeight}; expected a positive sum", source, "column 'weight'");
        }
        if (!(backgroundWeight > 0))
        {
            throw new InputException($"the background weights sum to {backgroundWeight}; expected a positive sum", source, "column 'weight'");
        }
        return new BinaryScores(copy, isSignal, w, signalWeight, backgroundWeight, signalCount);
    }

    /// <summary>
    /// Takes the scores of <paramref name="scoreColumn"/>, the <c>label</c> column and, when present, the <c>weight</c>
    /// column of an event table (such as the file <c>neyman predict</c> writes).
    /// </summary>
    /// <exception cref="InputException">A column is missing (the message lists the available ones) or a value is unusable.</exception>
    public static BinaryScores FromTable(EventTable table, string scoreColumn, string? source = null)
    {
        foreach (var required in new[] { scoreColumn, EventTable.LabelColumn })
        {
            if (!table.Contains(required))
            {
                throw new InputException(
                    $"there is no column '{required}'; the columns are: {string.Join(", ", table.ColumnNames)}", source, $"column '{required}'");
            }
        }
        var weights = table.HasWeight ? table[EventTable.WeightColumn].ToFloat64Array() : [];
        return Create(table[scoreColumn].ToFloat64Array(), table[EventTable.LabelColumn].ToFloat64Array(), weights, source, scoreColumn);
    }

    /// <summary>The same events with other scores (for example a second classifier), checked for length and finiteness.</summary>
    /// <exception cref="InputException">The length differs or a score is not finite.</exception>
    public BinaryScores WithScores(ReadOnlySpan<double> scores, string? source = null)
    {
        CheckScores(scores, source);
        return new BinaryScores(scores.ToArray(), IsSignal, Weights, SignalWeight, BackgroundWeight, SignalCount);
    }

    /// <summary>Checks that <paramref name="scores"/> holds one finite score per event, without copying it.</summary>
    /// <exception cref="InputException">The length differs or a score is not finite.</exception>
    internal void CheckScores(ReadOnlySpan<double> scores, string? source)
    {
        if (scores.Length != Count)
        {
            throw new InputException($"there are {scores.Length} scores but {Count} events; expected one score per event", source);
        }
        for (var i = 0; i < scores.Length; i++)
        {
            if (!double.IsFinite(scores[i]))
            {
                throw new InputException($"the score is {scores[i]}; expected a finite number", source, $"row {i + 1}");
            }
        }
    }
}
