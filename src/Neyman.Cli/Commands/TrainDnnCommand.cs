using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Neyman.Core;
using Neyman.Events.IO;
using Neyman.Events.Tables;
using Neyman.Learning.Networks;
using Neyman.Learning.Training;

namespace Neyman.Cli.Commands;

/// <summary>
/// <c>neyman train dnn --data FILE --output model.json ...</c>: a dense network classifier (or regressor), optionally
/// parametrized by physics parameters given as extra inputs. The option set is shared with <c>train autoencoder</c>.
/// </summary>
internal static class TrainDnnCommand
{
    public static Command Create(CliContext context)
    {
        var options = new NetworkCommandOptions(new NetworkTrainingOptions { HiddenLayers = [300, 300, 300] });
        var task = new Option<string>("--task") { Description = "classifier|regressor", DefaultValueFactory = _ => "classifier" };
        var parameters = new Option<string?>("--parameters") { Description = "comma-separated physics-parameter columns given as extra inputs (parametrized classifier)" };
        var loss = new Option<string>("--loss") { Description = "regression loss: mse|huber", DefaultValueFactory = _ => "mse" };
        var objects = new Option<string?>("--objects")
        {
            Description = "comma-separated physics objects among the features (column prefixes: NAME_pt or NAME_magnitude, NAME_eta unless transverse, NAME_phi) " +
                "for an invariant-mass layer: learned combinations of their four-momenta whose masses join the network inputs",
        };
        var combinations = new Option<int>("--combinations") { Description = "outputs of the invariant-mass layer (with --objects)", DefaultValueFactory = _ => 24 };
        var command = new Command("dnn", "Train a deep dense network classifier (or regressor) with SGD, Nesterov, Adam or AdamW.") { task, parameters, loss, objects, combinations };
        options.AddTo(command);
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var taskName = result.GetValue(task)!;
            var networkTask = taskName switch
            {
                "classifier" => NetworkTask.BinaryClassifier,
                "regressor" => NetworkTask.Regressor,
                _ => throw new InputException($"unknown task '{taskName}'; expected classifier or regressor", "--task"),
            };
            var lossName = result.GetValue(loss)!;
            var lossKind = lossName switch
            {
                "mse" => LossKind.MeanSquaredError,
                "huber" => LossKind.Huber,
                _ => throw new InputException($"unknown loss '{lossName}'; expected mse or huber", "--loss"),
            };
            var parameterNames = Events.ColumnList.Parse(result.GetValue(parameters), "--parameters");
            var objectNames = Events.ColumnList.Parse(result.GetValue(objects), "--objects");
            return options.Run(context, result, networkTask, parameterNames,
                o => o with { Loss = lossKind, MassObjects = objectNames, MassCombinations = result.GetValue(combinations) });
        }));
        return command;
    }
}

/// <summary>The options and the training run shared by <c>train dnn</c> and <c>train autoencoder</c>.</summary>
internal sealed class NetworkCommandOptions
{
    private readonly Option<string> _data = new("--data") { Description = "training events (.csv, .parquet, .h5)", Required = true };
    private readonly Option<string?> _validation = new("--validation") { Description = "validation events (default: hold out --validation-fraction of --data)" };
    private readonly Option<double> _validationFraction = new("--validation-fraction") { Description = "fraction of --data held out for validation when --validation is absent", DefaultValueFactory = _ => 0.1 };
    private readonly Option<string> _label = new("--label") { Description = "label column (0 background, 1 signal; the target of a regressor)", DefaultValueFactory = _ => EventTable.LabelColumn };
    private readonly Option<string?> _weight = new("--weight") { Description = "event-weight column (negative weights allowed); default: 'weight' when present, else unit weights" };
    private readonly Option<string?> _features = new("--features") { Description = "comma-separated feature columns (default: all but label, weight and parameters)" };
    private readonly Option<string> _layers;
    private readonly Option<string> _activation;
    private readonly Option<string> _optimizer;
    private readonly Option<double> _learningRate;
    private readonly Option<double> _momentum;
    private readonly Option<double> _finalMomentum;
    private readonly Option<int> _momentumEpochs = new("--momentum-epochs") { Description = "epochs over which the momentum rises to --final-momentum (0: constant)" };
    private readonly Option<double> _weightDecay;
    private readonly Option<double> _l1 = new("--l1") { Description = "L1 penalty on the weights" };
    private readonly Option<double> _l2 = new("--l2") { Description = "L2 penalty on the weights" };
    private readonly Option<string> _schedule = new("--schedule") { Description = "constant|exponential|step|cosine|plateau", DefaultValueFactory = _ => "constant" };
    private readonly Option<double> _decay;
    private readonly Option<double> _minimumRate;
    private readonly Option<int> _batch;
    private readonly Option<int> _epochs;
    private readonly Option<int> _earlyStopping = new("--early-stopping") { Description = "stop after this many epochs without a better validation loss (0: off)" };
    private readonly Option<bool> _layerNorm = new("--layer-norm") { Description = "normalize each hidden layer's pre-activations (layer normalization)" };
    private readonly Option<double> _dropout = new("--dropout") { Description = "probability of dropping a hidden unit during training" };
    private readonly Option<ulong> _seed;
    private readonly Option<int> _threads = new("--threads") { Description = "threads (0: all); the model does not depend on it", DefaultValueFactory = _ => 0 };
    private readonly Option<string> _output = new("--output") { Description = "model file to write (.json)", Required = true };
    private readonly Option<string?> _onnx = new("--onnx") { Description = "also export the network to this ONNX file" };
    private readonly Option<bool> _json = new("--json") { Description = "end with a one-line JSON summary on standard output" };

    public NetworkCommandOptions(NetworkTrainingOptions defaults)
    {
        _layers = new("--layers") { Description = "comma-separated hidden-layer widths", DefaultValueFactory = _ => string.Join(',', defaults.HiddenLayers) };
        _activation = new("--activation") { Description = "relu|tanh|sigmoid|elu|gelu|silu", DefaultValueFactory = _ => NetworkModelFile.ActivationName(defaults.Activation) };
        _optimizer = new("--optimizer") { Description = "sgd|nesterov|adam|adamw", DefaultValueFactory = _ => defaults.Optimizer.ToString().ToLowerInvariant() };
        _learningRate = new("--learning-rate") { Description = "initial learning rate", DefaultValueFactory = _ => defaults.LearningRate };
        _momentum = new("--momentum") { Description = "initial momentum of sgd and nesterov", DefaultValueFactory = _ => defaults.Momentum };
        _finalMomentum = new("--final-momentum") { Description = "momentum after --momentum-epochs", DefaultValueFactory = _ => defaults.FinalMomentum };
        _weightDecay = new("--weight-decay") { Description = "decoupled weight decay of adamw", DefaultValueFactory = _ => defaults.WeightDecay };
        _decay = new("--decay") { Description = "per-batch divisor of the exponential schedule", DefaultValueFactory = _ => defaults.DecayPerBatch };
        _minimumRate = new("--min-learning-rate") { Description = "floor of the decaying schedules", DefaultValueFactory = _ => defaults.MinimumLearningRate };
        _batch = new("--batch") { Description = "events per mini-batch", DefaultValueFactory = _ => defaults.BatchSize };
        _epochs = new("--epochs") { Description = "passes over the training events", DefaultValueFactory = _ => defaults.Epochs };
        _seed = new("--seed") { Description = "seed of the initialization, shuffling, dropout and validation split", DefaultValueFactory = _ => defaults.Seed };
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
        {
            _data, _validation, _validationFraction, _label, _weight, _features, _layers, _activation, _optimizer, _learningRate, _momentum,
            _finalMomentum, _momentumEpochs, _weightDecay, _l1, _l2, _schedule, _decay, _minimumRate, _batch, _epochs, _earlyStopping,
            _dropout, _layerNorm, _seed, _threads, _output, _onnx, _json,
        })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Parses "300,300,300" into widths; anything else is an input error naming the bad item.</summary>
    public static int[] ParseLayers(string text, string option = "--layers")
    {
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        var widths = new int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (!int.TryParse(items[i], NumberStyles.None, CultureInfo.InvariantCulture, out widths[i]) || widths[i] < 1 || widths[i] > 1 << 16)
            {
                throw new InputException($"layer {i + 1} is '{items[i]}'; expected comma-separated positive widths such as 300,300,300", option);
            }
        }
        return widths;
    }

    public int Run(CliContext context, ParseResult result, NetworkTask task, IReadOnlyList<string>? parameters, Func<NetworkTrainingOptions, NetworkTrainingOptions> adjust)
    {
        var options = adjust(Read(result));
        var outputPath = result.GetValue(_output)!;
        var onnxPath = result.GetValue(_onnx);
        var dataPath = result.GetValue(_data)!;
        var training = EventFile.Read(dataPath, new EventReadOptions { AllowNonFinite = true });
        var validationPath = result.GetValue(_validation);
        EventTable? validation;
        if (validationPath is not null)
        {
            validation = EventFile.Read(validationPath, new EventReadOptions { AllowNonFinite = true });
        }
        else
        {
            var fraction = result.GetValue(_validationFraction);
            if (!(fraction >= 0 && fraction < 1))
            {
                throw new InputException($"got {fraction}; expected a fraction in [0, 1)", "--validation-fraction");
            }
            var split = EventSplit.Create(training.RowCount, fraction, 0, options.Seed);
            validation = split.Validation.Count > 0 ? training.Take([.. split.Validation]) : null;
            training = training.Take([.. split.Training]);
        }
        // Like 'train bdt': a column named 'weight' is the event weight unless --weight names another, never a feature.
        var weightName = result.GetValue(_weight) ?? (training.HasWeight ? EventTable.WeightColumn : null);
        var columns = new NetworkColumns(Events.ColumnList.Parse(result.GetValue(_features), "--features"), result.GetValue(_label)!, weightName, parameters);
        var progress = new EpochProgress(context.Error, options.Epochs);
        var watch = Stopwatch.StartNew();
        NetworkModel model;
        NetworkTrainingResult trained;
        try
        {
            (model, trained) = NetworkModelTrainer.Train(training, validation, columns, task, options, progress.Report);
        }
        catch (InputException e) when (e.Source is null)
        {
            var source = e.Problem.Contains("validation events", StringComparison.Ordinal) ? validationPath ?? dataPath : dataPath;
            throw new InputException(e.Problem, e.Location?.StartsWith("--", StringComparison.Ordinal) == true ? e.Location : source, e.Location?.StartsWith("--", StringComparison.Ordinal) == true ? null : e.Location, e);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        NetworkModelFile.Save(model, outputPath);
        if (onnxPath is not null)
        {
            NetworkOnnxExporter.Save(model, onnxPath);
        }
        var last = trained.History[^1];
        var best = trained.History[trained.BestEpoch - 1];
        var summary = new JsonObject
        {
            ["model"] = outputPath,
            ["kind"] = model.Kind,
            ["events"] = training.RowCount,
            ["epochs"] = trained.History.Count,
            ["best_epoch"] = trained.BestEpoch,
            ["parameters"] = model.Network.Parameters.Length + (model.Masses?.Weights.Length ?? 0),
            ["train_seconds"] = seconds,
            ["samples_per_second"] = training.RowCount * (double)trained.History.Count / Math.Max(seconds, 1e-9),
            ["training_loss"] = last.TrainingLoss,
        };
        if (!double.IsNaN(best.ValidationLoss))
        {
            var metrics = new JsonObject { ["loss"] = best.ValidationLoss };
            if (!double.IsNaN(best.ValidationAuc))
            {
                metrics["auc"] = best.ValidationAuc;
            }
            summary["validation"] = metrics;
        }
        if (onnxPath is not null)
        {
            summary["onnx"] = onnxPath;
        }
        context.Out.WriteLine(result.GetValue(_json)
            ? summary.ToJsonString()
            : string.Create(CultureInfo.InvariantCulture, $"trained a {model.Kind} model ({model.Network.Parameters.Length} parameters) on {training.RowCount} events for {trained.History.Count} epochs in {seconds:F2} s; wrote {outputPath}"));
        return NeymanApp.Success;
    }

    private NetworkTrainingOptions Read(ParseResult result)
    {
        var activationName = result.GetValue(_activation)!;
        var optimizerName = result.GetValue(_optimizer)!;
        var scheduleName = result.GetValue(_schedule)!;
        var options = new NetworkTrainingOptions
        {
            HiddenLayers = ParseLayers(result.GetValue(_layers)!),
            Activation = NetworkModelFile.ParseActivation(activationName) is { } a && a != ActivationKind.Identity
                ? a
                : throw new InputException($"unknown activation '{activationName}'; expected relu, tanh, sigmoid, elu, gelu or silu", "--activation"),
            Optimizer = optimizerName switch
            {
                "sgd" => OptimizerKind.Sgd,
                "nesterov" => OptimizerKind.Nesterov,
                "adam" => OptimizerKind.Adam,
                "adamw" => OptimizerKind.AdamW,
                _ => throw new InputException($"unknown optimizer '{optimizerName}'; expected sgd, nesterov, adam or adamw", "--optimizer"),
            },
            Schedule = scheduleName switch
            {
                "constant" => LearningRateScheduleKind.Constant,
                "exponential" => LearningRateScheduleKind.Exponential,
                "step" => LearningRateScheduleKind.Step,
                "cosine" => LearningRateScheduleKind.Cosine,
                "plateau" => LearningRateScheduleKind.ReduceOnPlateau,
                _ => throw new InputException($"unknown schedule '{scheduleName}'; expected constant, exponential, step, cosine or plateau", "--schedule"),
            },
            LearningRate = Positive(result.GetValue(_learningRate), "--learning-rate"),
            Momentum = Fraction(result.GetValue(_momentum), "--momentum"),
            FinalMomentum = Fraction(result.GetValue(_finalMomentum), "--final-momentum"),
            MomentumRampEpochs = NonNegative(result.GetValue(_momentumEpochs), "--momentum-epochs"),
            WeightDecay = NonNegative(result.GetValue(_weightDecay), "--weight-decay"),
            L1 = NonNegative(result.GetValue(_l1), "--l1"),
            L2 = NonNegative(result.GetValue(_l2), "--l2"),
            DecayPerBatch = result.GetValue(_decay) >= 1 ? result.GetValue(_decay) : throw new InputException($"got {result.GetValue(_decay)}; expected a divisor of at least 1", "--decay"),
            MinimumLearningRate = NonNegative(result.GetValue(_minimumRate), "--min-learning-rate"),
            BatchSize = (int)Positive(result.GetValue(_batch), "--batch"),
            Epochs = (int)Positive(result.GetValue(_epochs), "--epochs"),
            EarlyStoppingPatience = NonNegative(result.GetValue(_earlyStopping), "--early-stopping"),
            Dropout = Fraction(result.GetValue(_dropout), "--dropout"),
            LayerNormalization = result.GetValue(_layerNorm),
            Seed = result.GetValue(_seed),
            Threads = NonNegative(result.GetValue(_threads), "--threads") is var t && t > 0 ? t : Environment.ProcessorCount,
        };
        return options;
    }

    private static double Positive(double value, string option) =>
        value > 0 && double.IsFinite(value) ? value : throw new InputException(string.Create(CultureInfo.InvariantCulture, $"got {value}; expected a positive number"), option);

    private static double Fraction(double value, string option) =>
        value >= 0 && value < 1 ? value : throw new InputException(string.Create(CultureInfo.InvariantCulture, $"got {value}; expected a value in [0, 1)"), option);

    private static double NonNegative(double value, string option) =>
        value >= 0 && double.IsFinite(value) ? value : throw new InputException(string.Create(CultureInfo.InvariantCulture, $"got {value}; expected a non-negative number"), option);

    private static int NonNegative(int value, string option) =>
        value >= 0 ? value : throw new InputException($"got {value}; expected a non-negative integer", option);

    /// <summary>Prints one progress-bar line per epoch on the error stream.</summary>
    private sealed class EpochProgress(TextWriter error, int epochs)
    {
        public void Report(NetworkEpoch epoch)
        {
            const int width = 20;
            var filled = (int)Math.Round(width * (double)epoch.Epoch / epochs);
            var bar = new string('#', filled) + new string('-', width - filled);
            var validation = double.IsNaN(epoch.ValidationLoss) ? "" : string.Create(CultureInfo.InvariantCulture, $"  validation loss {epoch.ValidationLoss:F5}");
            var auc = double.IsNaN(epoch.ValidationAuc) ? "" : string.Create(CultureInfo.InvariantCulture, $"  AUC {epoch.ValidationAuc:F5}");
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{bar}] epoch {epoch.Epoch}/{epochs}  training loss {epoch.TrainingLoss:F5}{validation}{auc}"));
        }
    }
}
