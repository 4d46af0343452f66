using Neyman.Core;
using Neyman.Learning.Training;

namespace Neyman.Learning.Networks;

/// <summary>
/// Mini-batch training of a <see cref="MultilayerPerceptron"/>: seeded shuffling per epoch, forward, loss,
/// backward, penalties and an optimizer step per batch, validation and early stopping per epoch. The same
/// seed gives the same bits whatever <see cref="NetworkTrainingOptions.Threads"/> is.
/// </summary>
public static class NetworkTrainer
{
    private const ulong ShufflePurpose = 0x5348554646;
    private const ulong DropoutPurpose = 0x44524F50;
    private const int EvaluationRows = 2048;

    /// <summary>Trains a new network of <paramref name="outputs"/> outputs on <paramref name="training"/>.</summary>
    /// <param name="training">The training events.</param>
    /// <param name="validation">Held-out events for the per-epoch report and early stopping (may be null).</param>
    /// <param name="outputs">Width of the network output (1 for a binary classifier, K for K classes).</param>
    /// <param name="options">Architecture and optimization settings.</param>
    /// <param name="onEpoch">Called after each epoch (for progress reports).</param>
    /// <param name="massLayer">
    /// An invariant-mass layer whose outputs join the inputs (the datasets then carry its objects' four-momenta); it is
    /// initialized from the seed and trained with the network.
    /// </param>
    /// <exception cref="NonConvergenceException">The loss became infinite or NaN; the message names the epoch and batch.</exception>
    public static NetworkTrainingResult Train(NetworkDataset training, NetworkDataset? validation, int outputs, NetworkTrainingOptions options, Action<NetworkEpoch>? onEpoch = null,
        InvariantMassLayer? massLayer = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        Preconditions.CheckArgument(training.Count > 0, "expected training events");
        Preconditions.CheckArgument(options.BatchSize >= 1 && options.Epochs >= 1, "expected a positive batch size and epoch count");
        Preconditions.CheckArgument(options.Dropout >= 0 && options.Dropout < 1, "expected a dropout probability in [0, 1)");
        Preconditions.CheckArgument(validation is null || validation.Inputs == training.Inputs, "expected validation events with the training inputs");
        var front = massLayer is null ? null : new MassFront(massLayer, training, validation, options);
        var width = training.Inputs + (massLayer?.Combinations ?? 0);
        var network = new MultilayerPerceptron(width, options.HiddenLayers, options.Activation, outputs, options.LayerNormalization);
        network.Initialize(options.Initialization, options.Seed);
        var batch = Math.Min(options.BatchSize, training.Count);
        var workspace = new NetworkWorkspace(network, batch, options.Dropout > 0);
        var evaluation = new NetworkWorkspace(network, Math.Min(EvaluationRows, Math.Max(1, validation?.Count ?? 1)));
        var optimizer = new NetworkOptimizer(options.Optimizer, network.Parameters.Length, options.Beta1, options.Beta2, weightDecay: options.WeightDecay);
        var schedule = new LearningRateSchedule(options);
        var gradients = new float[network.Parameters.Length];
        var x = new float[batch * width];
        var t = new float[batch * training.TargetWidth];
        var w = new float[batch];
        var order = new int[training.Count];
        var history = new List<NetworkEpoch>();
        var best = (Loss: double.PositiveInfinity, Epoch: 0, Parameters: (float[]?)null);
        long batchCounter = 0;
        var stoppedEarly = false;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }
            RandomStream.ForBlock(options.Seed, ShufflePurpose, (ulong)epoch).Shuffle(order.AsSpan());
            var dropoutRandom = options.Dropout > 0 ? RandomStream.ForBlock(options.Seed, DropoutPurpose, (ulong)epoch) : null;
            double lossSum = 0, weightSum = 0, rate = 0;
            var momentum = schedule.Momentum(epoch);
            for (int start = 0, b = 0; start < order.Length; start += batch, b++)
            {
                var rows = Math.Min(batch, order.Length - start);
                Gather(training, order.AsSpan(start, rows), x, width, t, w);
                front?.Forward(training, order.AsSpan(start, rows), x);
                if (dropoutRandom is not null)
                {
                    workspace.DrawDropoutMasks(dropoutRandom, options.Dropout, rows);
                }
                var output = network.Forward(workspace, x, rows, options.Threads);
                var loss = NetworkLoss.Evaluate(options.Loss, output.AsSpan(0, rows * outputs), outputs, t.AsSpan(0, rows * training.TargetWidth), w.AsSpan(0, rows), workspace.OutputGradient.AsSpan(0, rows * outputs), options.HuberDelta);
                if (!double.IsFinite(loss))
                {
                    throw new NonConvergenceException(
                        $"training diverged at epoch {epoch + 1}, batch {b + 1}: the loss is {loss}; try a lower learning rate",
                        new Dictionary<string, double> { ["epoch"] = epoch + 1, ["batch"] = b + 1 });
                }
                var batchWeight = Sum(w.AsSpan(0, rows));
                lossSum += loss * batchWeight;
                weightSum += batchWeight;
                network.Backward(workspace, x, rows, gradients, options.Threads, front?.InputGradient);
                AddPenalties(network, gradients, options);
                rate = schedule.Rate(epoch, batchCounter++);
                optimizer.Step(network.Parameters, gradients, rate, momentum);
                front?.Step(rows, rate, momentum);
            }
            workspace.ClearDropoutMasks();
            double validationLoss = double.NaN, validationAuc = double.NaN;
            if (validation is not null && validation.Count > 0)
            {
                (validationLoss, validationAuc) = Evaluate(network, evaluation, validation, options, massLayer);
                schedule.Observe(validationLoss);
            }
            var report = new NetworkEpoch(epoch + 1, lossSum / weightSum, validationLoss, validationAuc, rate);
            history.Add(report);
            onEpoch?.Invoke(report);
            var figure = double.IsNaN(validationLoss) ? report.TrainingLoss : validationLoss;
            if (figure < best.Loss || best.Parameters is null)
            {
                best = (figure, epoch + 1, options.EarlyStoppingPatience > 0 ? (float[])network.Parameters.Clone() : network.Parameters);
                if (options.EarlyStoppingPatience > 0)
                {
                    front?.KeepBest();
                }
            }
            else if (options.EarlyStoppingPatience > 0 && epoch + 1 - best.Epoch >= options.EarlyStoppingPatience)
            {
                stoppedEarly = true;
                break;
            }
        }
        if (options.EarlyStoppingPatience > 0 && best.Parameters is not null)
        {
            best.Parameters.CopyTo(network.Parameters, 0);
            front?.RestoreBest();
        }
        else
        {
            best.Epoch = history.Count;
        }
        return new NetworkTrainingResult(network, history, best.Epoch, stoppedEarly, massLayer);
    }

    /// <summary>Weighted loss and, for one-output binary cross-entropy, AUC of <paramref name="network"/> on <paramref name="data"/>.</summary>
    public static (double Loss, double Auc) Evaluate(MultilayerPerceptron network, NetworkWorkspace workspace, NetworkDataset data, NetworkTrainingOptions options,
        InvariantMassLayer? massLayer = null)
    {
        var outputs = network.OutputCount;
        var all = new float[data.Count * outputs];
        var width = network.InputCount;
        var masses = massLayer is null ? [] : new float[workspace.MaxRows * massLayer.Combinations];
        for (var start = 0; start < data.Count; start += workspace.MaxRows)
        {
            var rows = Math.Min(workspace.MaxRows, data.Count - start);
            var inputs = data.Features.AsSpan(start * data.Inputs, rows * data.Inputs);
            var x = new float[rows * width];
            if (massLayer is null)
            {
                inputs.CopyTo(x);
            }
            else
            {
                massLayer.AppendOutputs(inputs, data.Inputs, data.Momenta.AsSpan(start * massLayer.MomentumWidth, rows * massLayer.MomentumWidth), rows, x, masses);
            }
            var output = network.Forward(workspace, x, rows, options.Threads);
            output.AsSpan(0, rows * outputs).CopyTo(all.AsSpan(start * outputs));
        }
        var scratch = new float[all.Length];
        var loss = NetworkLoss.Evaluate(options.Loss, all, outputs, data.Targets, data.Weights, scratch, options.HuberDelta);
        var auc = options.Loss == LossKind.BinaryCrossEntropy && outputs == 1 ? ValidationMetrics.Auc((ReadOnlySpan<float>)all, data.Targets, data.Weights) : double.NaN;
        return (loss, auc);
    }

    private static void Gather(NetworkDataset data, ReadOnlySpan<int> rows, float[] x, int width, float[] t, float[] w)
    {
        for (var r = 0; r < rows.Length; r++)
        {
            var e = rows[r];
            data.Features.AsSpan(e * data.Inputs, data.Inputs).CopyTo(x.AsSpan(r * width));
            data.Targets.AsSpan(e * data.TargetWidth, data.TargetWidth).CopyTo(t.AsSpan(r * data.TargetWidth));
            w[r] = data.Weights[e];
        }
    }

    private static double Sum(ReadOnlySpan<float> values)
    {
        double total = 0;
        foreach (var value in values)
        {
            total += value;
        }
        return total;
    }

    private static void AddPenalties(MultilayerPerceptron network, float[] gradients, NetworkTrainingOptions options)
    {
        if (options.L2 == 0 && options.L1 == 0)
        {
            return;
        }
        var twiceL2 = (float)(2 * options.L2);
        var l1 = (float)options.L1;
        foreach (var layer in network.Layers)
        {
            var weights = network.Parameters.AsSpan(layer.WeightOffset, layer.Inputs * layer.Outputs);
            var target = gradients.AsSpan(layer.WeightOffset, weights.Length);
            for (var i = 0; i < weights.Length; i++)
            {
                target[i] += twiceL2 * weights[i] + l1 * MathF.Sign(weights[i]);
            }
        }
    }
}
