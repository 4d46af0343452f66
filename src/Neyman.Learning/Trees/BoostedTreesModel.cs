using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Neyman.Core;
using Neyman.Events.Tables;
using Neyman.Learning.Models;

namespace Neyman.Learning.Trees;

/// <summary>
/// A trained boosted-tree ensemble: feature names, bin mappers, base scores and trees (round-major: round r,
/// output k is tree <c>r * OutputCount + k</c>). Prediction is batched, multi-threaded and thread-safe; it walks a
/// flattened copy of the trees on the raw feature values, missing values (NaN) taking each node's default way.
/// </summary>
public sealed class BoostedTreesModel : IEventModel
{
    /// <summary>The model kind in files.</summary>
    public const string ModelKind = "bdt";

    private readonly FlatForest forest;
    private readonly CompleteForest? complete;
    private readonly string[] featureNames;
    private readonly double[] baseScores;

    /// <summary>Assembles a model from its parts.</summary>
    /// <param name="objective">The objective it was trained with (decides how raw scores become outputs).</param>
    /// <param name="featureNames">The feature names, in the order the trees index them.</param>
    /// <param name="baseScores">The raw score before any tree, one per output.</param>
    /// <param name="trees">The trees, round-major.</param>
    /// <param name="mappers">The bin mappers used in training (empty for imported models).</param>
    public BoostedTreesModel(
        BoostingObjectiveKind objective,
        IReadOnlyList<string> featureNames,
        IReadOnlyList<double> baseScores,
        IReadOnlyList<RegressionTree> trees,
        IReadOnlyList<FeatureBinMapper> mappers)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(baseScores);
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(mappers);
        Preconditions.CheckArgument(baseScores.Count >= 1, "At least one output is required.");
        Preconditions.CheckArgument(objective == BoostingObjectiveKind.Softmax ? baseScores.Count >= 2 : baseScores.Count == 1, "The number of base scores does not fit the objective.");
        Preconditions.CheckArgument(trees.Count % baseScores.Count == 0, "The number of trees must be a multiple of the number of outputs.");
        Preconditions.CheckArgument(mappers.Count == 0 || mappers.Count == featureNames.Count, "One bin mapper per feature is required.");
        Objective = objective;
        this.featureNames = [.. featureNames];
        this.baseScores = [.. baseScores];
        Trees = [.. trees];
        Mappers = [.. mappers];
        forest = new FlatForest(Trees, OutputCount);
        complete = CompleteForest.TryCreate(Trees, OutputCount, this.featureNames.Length);
    }

    /// <inheritdoc/>
    public string Kind => ModelKind;

    /// <summary>The objective the model was trained with.</summary>
    public BoostingObjectiveKind Objective { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNames => featureNames;

    /// <summary>The number of raw scores per event (the number of classes for softmax, else 1).</summary>
    public int OutputCount => baseScores.Length;

    /// <inheritdoc/>
    public IReadOnlyList<string> OutputNames =>
        OutputCount == 1 ? ["score"] : [.. Enumerable.Range(0, OutputCount).Select(k => $"score_{k}")];

    /// <summary>The raw score before any tree, one per output.</summary>
    public IReadOnlyList<double> BaseScores => baseScores;

    /// <summary>The trees, round-major.</summary>
    public IReadOnlyList<RegressionTree> Trees { get; }

    /// <summary>The bin mappers of training, one per feature (empty for imported models).</summary>
    public IReadOnlyList<FeatureBinMapper> Mappers { get; }

    /// <summary>
    /// Scores events: the signal probability for the logistic objective, the class probabilities for softmax,
    /// the predicted value for regression.
    /// </summary>
    /// <param name="events">A table with every feature column by name.</param>
    public EventTable Predict(EventTable events) => Predict(events, new ParallelOptions());

    /// <summary>As <see cref="Predict(EventTable)"/>, with a limit on threads (the result does not depend on it).</summary>
    /// <param name="events">A table with every feature column by name.</param>
    /// <param name="parallel">The threads to use.</param>
    public EventTable Predict(EventTable events, ParallelOptions parallel)
    {
        var raw = PredictRaw(events, parallel);
        var n = events.RowCount;
        var k = OutputCount;
        var outputs = new float[k][];
        for (var c = 0; c < k; c++)
        {
            outputs[c] = new float[n];
        }

        Parallel.For(0, (n + 4095) / 4096, parallel, block =>
        {
            Span<double> p = stackalloc double[k];
            for (var i = block * 4096; i < Math.Min(n, (block + 1) * 4096); i++)
            {
                var s = raw.AsSpan(i * k, k);
                switch (Objective)
                {
                    case BoostingObjectiveKind.Logistic or BoostingObjectiveKind.Flat:
                        outputs[0][i] = (float)LogisticObjective.Probability(s[0]);
                        break;
                    case BoostingObjectiveKind.Softmax:
                        SoftmaxLoss.Softmax(s, p);
                        for (var c = 0; c < k; c++)
                        {
                            outputs[c][i] = (float)p[c];
                        }

                        break;
                    default:
                        outputs[0][i] = (float)s[0];
                        break;
                }
            }
        });
        return new EventTable(OutputNames.Select((name, c) => EventColumn.Float32(name, outputs[c])));
    }

    /// <summary>The raw scores (log-odds, class logits or values), events x outputs, event-major.</summary>
    /// <param name="events">A table with every feature column by name.</param>
    /// <param name="parallel">The threads to use.</param>
    /// <exception cref="InputException">A feature column is missing.</exception>
    public double[] PredictRaw(EventTable events, ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(events);
        var columns = new EventColumn[featureNames.Length];
        for (var f = 0; f < featureNames.Length; f++)
        {
            if (!events.TryGetColumn(featureNames[f], out columns[f]))
            {
                throw new InputException(
                    $"the model needs feature column '{featureNames[f]}', which the events lack; they have: {string.Join(", ", events.ColumnNames)}",
                    location: $"column '{featureNames[f]}'");
            }
        }

        return PredictRaw(columns, events.RowCount, parallel);
    }

    /// <summary>The raw scores for feature columns given in the model's feature order.</summary>
    /// <param name="columns">One column per feature, in order.</param>
    /// <param name="rowCount">The number of events.</param>
    /// <param name="parallel">The threads to use.</param>
    public double[] PredictRaw(IReadOnlyList<EventColumn> columns, int rowCount, ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var k = OutputCount;
        var f = featureNames.Length;
        var raw = new double[rowCount * k];
        // All-float32 features walk the single-precision forests; anything else goes through doubles.
        if (f <= short.MaxValue && columns.All(c => c.Type == ColumnType.Float32))
        {
            PredictFloatBlocks(columns, rowCount, parallel, raw);
        }
        else
        {
            PredictDoubleBlocks(columns, rowCount, parallel, raw);
        }

        return raw;
    }

    // Blocks of rows on the threads: each feature's slice of the block copied side by side, the base scores, then the
    // padded complete trees, or the node-by-node walk where the block holds a missing value (or trees are deep).
    private void PredictFloatBlocks(IReadOnlyList<EventColumn> columns, int rowCount, ParallelOptions parallel, double[] raw)
    {
        const int Block = FlatForest.RowsPerBlock;
        var k = OutputCount;
        var f = featureNames.Length;
        Parallel.For(0, (rowCount + Block - 1) / Block, parallel, () => (new float[Block * f], new double[Block * k]), (b, _, scratch) =>
        {
            var (x, sums) = scratch;
            var start = b * Block;
            var count = Math.Min(Block, rowCount - start);
            var missing = false;
            for (var j = 0; j < f; j++)
            {
                var slice = x.AsSpan(j * Block, count);
                columns[j].Float32Values.AsSpan(start, count).CopyTo(slice);
                missing |= TensorPrimitives.IsNaNAny<float>(slice);
            }

            for (var c = 0; c < k; c++)
            {
                sums.AsSpan(c * Block, count).Fill(baseScores[c]);
            }

            if (complete is not null && !missing)
            {
                complete.Accumulate(x, count, sums);
            }
            else
            {
                forest.Accumulate(x, count, sums);
            }

            for (var r = 0; r < count; r++)
            {
                for (var c = 0; c < k; c++)
                {
                    raw[((start + r) * k) + c] = sums[(c * Block) + r];
                }
            }

            return scratch;
        }, _ => { });
    }

    // Blocks of rows on the threads: the block's features gathered row-major as doubles, the base scores, then the forest.
    private void PredictDoubleBlocks(IReadOnlyList<EventColumn> columns, int rowCount, ParallelOptions parallel, double[] raw)
    {
        var k = OutputCount;
        var f = featureNames.Length;
        const int Block = FlatForest.RowsPerBlock;
        Parallel.For(0, (rowCount + Block - 1) / Block, parallel, () => new double[Block * f], (b, _, buffer) =>
        {
            var start = b * Block;
            var count = Math.Min(Block, rowCount - start);
            for (var j = 0; j < f; j++)
            {
                var column = columns[j];
                if (column.Type == ColumnType.Float32)
                {
                    var values = column.Float32Values;
                    for (var r = 0; r < count; r++)
                    {
                        buffer[(r * f) + j] = values[start + r];
                    }
                }
                else
                {
                    var values = column.Float64Values;
                    for (var r = 0; r < count; r++)
                    {
                        buffer[(r * f) + j] = values[start + r];
                    }
                }
            }

            var scores = raw.AsSpan(start * k, count * k);
            for (var r = 0; r < count; r++)
            {
                baseScores.CopyTo(scores.Slice(r * k, k));
            }

            forest.Accumulate(buffer.AsSpan(0, count * f), f, scores);
            return buffer;
        }, _ => { });
    }

    /// <summary>Feature importance: for each feature, the summed split gain, the summed cover and the number of splits.</summary>
    public IReadOnlyList<FeatureImportance> Importance()
    {
        var gain = new double[featureNames.Length];
        var cover = new double[featureNames.Length];
        var splits = new int[featureNames.Length];
        foreach (var tree in Trees)
        {
            for (var n = 0; n < tree.NodeCount; n++)
            {
                var feature = tree.Features[n];
                if (feature >= 0)
                {
                    gain[feature] += tree.Gains[n];
                    cover[feature] += tree.Covers[n];
                    splits[feature]++;
                }
            }
        }

        return [.. featureNames.Select((name, i) => new FeatureImportance(name, gain[i], cover[i], splits[i]))];
    }
}
