using Neyman.Core;
using Neyman.Events.Tables;

namespace Neyman.Learning.Networks;

/// <summary>
/// Trains a <see cref="NetworkModel"/> on event tables: reads and checks the columns, assigns physics parameters
/// to background events of a parametrized classifier, fits the input standardization on the training events,
/// and runs <see cref="NetworkTrainer"/>.
/// </summary>
public static class NetworkModelTrainer
{
    private const ulong ParameterPurpose = 0x504152414D;

    /// <summary>Trains a model for <paramref name="task"/>.</summary>
    /// <param name="training">Training events.</param>
    /// <param name="validation">Validation events (may be null).</param>
    /// <param name="columns">The columns to read.</param>
    /// <param name="task">Classifier, regressor or autoencoder.</param>
    /// <param name="options">Architecture and optimization (the loss is set from the task; a regressor keeps MSE or Huber).</param>
    /// <param name="onEpoch">Called after each epoch.</param>
    /// <exception cref="InputException">A column is missing, a value is not finite, or a label is not 0 or 1 (no source: the caller knows the file).</exception>
    /// <exception cref="NonConvergenceException">The loss diverged.</exception>
    public static (NetworkModel Model, NetworkTrainingResult Result) Train(
        EventTable training, EventTable? validation, NetworkColumns columns, NetworkTask task, NetworkTrainingOptions options, Action<NetworkEpoch>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(options);
        var parameters = columns.Parameters ?? [];
        var excluded = new HashSet<string>(parameters, StringComparer.Ordinal) { columns.Label };
        if (columns.Weight is not null)
        {
            excluded.Add(columns.Weight);
        }
        var features = columns.Features ?? training.ColumnNames.Where(n => !excluded.Contains(n)).ToArray();
        if (features.Count == 0)
        {
            throw new InputException("no feature columns to train on", location: "--features");
        }
        if (task == NetworkTask.Autoencoder && parameters.Count > 0)
        {
            throw new InputException("an autoencoder takes no physics parameters", location: "--parameters");
        }
        string[] inputs = [.. features, .. parameters];
        var duplicate = inputs.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InputException($"column '{duplicate.Key}' is given twice among the features and parameters", location: "--features");
        }
        var loss = task switch
        {
            NetworkTask.BinaryClassifier => LossKind.BinaryCrossEntropy,
            NetworkTask.Regressor => options.Loss is LossKind.Huber ? LossKind.Huber : LossKind.MeanSquaredError,
            _ => LossKind.MeanSquaredError,
        };
        options = options with { Loss = loss };
        var trainingData = Read(training, inputs, parameters.Count, columns, task, options.Seed, 0, "training");
        var massLayer = MassLayer(options, inputs, trainingData, task);
        var standardization = FeatureStandardization.Fit(trainingData.Features, inputs.Length);
        var trainingSet = Standardize(WithMomenta(trainingData, massLayer), standardization, task);
        NetworkDataset? validationSet = null;
        if (validation is not null && validation.RowCount > 0)
        {
            validationSet = Standardize(WithMomenta(Read(validation, inputs, parameters.Count, columns, task, options.Seed, 1, "validation"), massLayer), standardization, task);
        }
        var outputs = task == NetworkTask.Autoencoder ? inputs.Length : 1;
        var result = NetworkTrainer.Train(trainingSet, validationSet, outputs, options, onEpoch, massLayer);
        var model = new NetworkModel(task, features, parameters, standardization, result.Network, massLayer) { PredictionThreads = options.Threads };
        return (model, result);
    }

    // The invariant-mass layer asked for by the options (null for none), its momentum unit from the raw training inputs.
    private static InvariantMassLayer? MassLayer(NetworkTrainingOptions options, string[] inputs, NetworkDataset raw, NetworkTask task)
    {
        if (options.MassObjects is not { Count: > 0 } names)
        {
            return null;
        }
        if (task == NetworkTask.Autoencoder)
        {
            throw new InputException("an autoencoder takes no invariant-mass layer", location: "--objects");
        }
        if (options.MassCombinations < 1)
        {
            throw new InputException($"expected at least one mass combination, got {options.MassCombinations}", location: "--combinations");
        }
        var objects = MomentumObject.Resolve(names, inputs, out var error) ?? throw new InputException(error!, location: "--objects");
        return new InvariantMassLayer(objects, options.MassCombinations, InvariantMassLayer.UnitOf(objects, raw.Features, raw.Inputs));
    }

    // The layer's four-momenta from the raw (not yet standardized) inputs.
    private static NetworkDataset WithMomenta(NetworkDataset data, InvariantMassLayer? layer)
    {
        if (layer is null)
        {
            return data;
        }
        var momenta = new float[(long)data.Count * layer.MomentumWidth];
        layer.FourMomenta(data.Features, data.Inputs, data.Count, momenta);
        return new NetworkDataset(data.Features, data.Inputs, data.Targets, data.TargetWidth, data.Weights) { Momenta = momenta };
    }

    private static NetworkDataset Read(EventTable events, string[] inputs, int parameterCount, NetworkColumns columns, NetworkTask task, ulong seed, ulong block, string role)
    {
        var rows = events.RowCount;
        if (rows == 0)
        {
            throw new InputException($"the {role} events are empty");
        }
        var width = inputs.Length;
        var features = new float[(long)rows * width];
        for (var f = 0; f < width; f++)
        {
            var values = Column(events, inputs[f], role);
            for (var r = 0; r < rows; r++)
            {
                features[(long)r * width + f] = values[r];
            }
        }
        var labels = task == NetworkTask.Autoencoder ? new float[rows] : Column(events, columns.Label, role);
        if (task == NetworkTask.BinaryClassifier)
        {
            var bad = Array.FindIndex(labels, v => v is not (0f or 1f));
            if (bad >= 0)
            {
                throw new InputException($"expected labels 0 (background) or 1 (signal) in the {role} events, found {labels[bad]}", location: $"column '{columns.Label}', row {bad + 1}");
            }
        }
        float[] weights;
        if (columns.Weight is null)
        {
            weights = new float[rows];
            Array.Fill(weights, 1f);
        }
        else
        {
            weights = Column(events, columns.Weight, role);
        }
        if (parameterCount > 0)
        {
            AssignBackgroundParameters(features, width, parameterCount, labels, RandomStream.ForBlock(seed, ParameterPurpose, block), role, columns.Label);
        }
        return new NetworkDataset(features, width, labels, 1, weights);
    }

    private static float[] Column(EventTable events, string name, string role)
    {
        if (!events.TryGetColumn(name, out var column))
        {
            throw new InputException($"the {role} events have no column '{name}'; they have: {string.Join(", ", events.ColumnNames)}", location: $"column '{name}'");
        }
        var values = column.ToFloat32Array();
        var bad = Array.FindIndex(values, v => !float.IsFinite(v));
        if (bad >= 0)
        {
            throw new InputException($"expected a finite value in the {role} events, found {values[bad]}", location: $"column '{name}', row {bad + 1}");
        }
        return values;
    }

    private static void AssignBackgroundParameters(float[] features, int width, int parameterCount, float[] labels, RandomStream random, string role, string label)
    {
        var signal = Enumerable.Range(0, labels.Length).Where(r => labels[r] == 1f).ToArray();
        if (signal.Length == 0)
        {
            throw new InputException($"a parametrized classifier needs signal events to take parameter values from; the {role} events have none", location: $"column '{label}'");
        }
        var first = width - parameterCount;
        for (var r = 0; r < labels.Length; r++)
        {
            if (labels[r] == 1f)
            {
                continue;
            }
            var donor = signal[random.NextInt(signal.Length)];
            Array.Copy(features, (long)donor * width + first, features, (long)r * width + first, parameterCount);
        }
    }

    private static NetworkDataset Standardize(NetworkDataset data, FeatureStandardization standardization, NetworkTask task)
    {
        standardization.Apply(data.Features);
        return task == NetworkTask.Autoencoder
            ? new NetworkDataset(data.Features, data.Inputs, data.Features, data.Inputs, data.Weights)
            : data;
    }
}
