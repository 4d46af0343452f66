using Neyman.Events.Tables;
using Neyman.Learning.Training;

namespace Neyman.Learning.Trees;

/// <summary>Follows the validation metric round by round, scoring the validation events through the training bins.</summary>
internal sealed class Watch
{
    private readonly BoostingData data;
    private readonly BinnedDataset binned;
    private readonly IBoostingObjective objective;
    private readonly ValidationMetric metric;
    private readonly int outputs;
    private readonly double[] raw;
    private readonly List<double> history = [];
    private int treesThisRound;

    public Watch(
        EventTable validation, IReadOnlyList<string> featureNames, BoostingColumns columns, BoostingOptions options, int outputs,
        BinnedDataset trainingBins, ParallelOptions parallel, ValidationMetric metric)
    {
        data = BoostingData.From(validation, featureNames, columns, "validation");
        try
        {
            data.CheckLabels(options.Objective, columns.Label, requireAllClasses: false, classCount: outputs > 1 ? outputs : 0);
        }
        catch (Core.InputException e) when (e.Source is null)
        {
            throw new Core.InputException("in the validation events, " + e.Problem, location: e.Location, inner: e);
        }
        binned = BinnedDataset.Apply(trainingBins.Mappers, data.Features, parallel);
        objective = GradientBoosting.CreateObjective(options, data, outputs, table: null);
        this.metric = metric;
        this.outputs = outputs;
        raw = new double[data.RowCount * outputs];
    }

    /// <summary>The metric after each round.</summary>
    public IReadOnlyList<double> History => history;

    /// <summary>The number of rounds at which the metric was best (first best on ties).</summary>
    public int BestRound { get; private set; }

    public void Start(double[] baseScores)
    {
        for (var i = 0; i < data.RowCount; i++)
        {
            baseScores.CopyTo(raw.AsSpan(i * outputs, outputs));
        }
    }

    public void Add(RegressionTree tree, int output)
    {
        for (var row = 0; row < data.RowCount; row++)
        {
            raw[(row * outputs) + output] += tree.Values[tree.LeafOfBinned(binned.Columns, row)];
        }

        if (++treesThisRound < outputs)
        {
            return;
        }

        treesThisRound = 0;
        var value = Evaluate();
        history.Add(value);
        var best = BestRound == 0 ? double.NaN : history[BestRound - 1];
        var better = double.IsNaN(best) || (ValidationMetrics.HigherIsBetter(metric) ? value > best : value < best);
        if (better)
        {
            BestRound = history.Count;
        }
    }

    private double Evaluate() => metric switch
    {
        ValidationMetric.Auc => ValidationMetrics.Auc(raw, data.Labels, data.Weights),
        ValidationMetric.Rmse => ValidationMetrics.Rmse(raw, data.Labels, data.Weights),
        ValidationMetric.Error => ValidationMetrics.Error(raw, outputs, data.Labels, data.Weights),
        _ => objective.MeanLoss(raw),
    };
}
