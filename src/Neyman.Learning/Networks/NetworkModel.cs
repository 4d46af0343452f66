using Neyman.Core;
using Neyman.Events.Tables;
using Neyman.Learning.Models;

namespace Neyman.Learning.Networks;

/// <summary>
/// A trained network with everything inference needs: the input columns in order (features, then physics
/// parameters of a parametrized classifier), the standardization learned on the training events, and the
/// network. Serves the <c>predict</c> verb through <see cref="IEventModel"/>.
/// </summary>
public sealed class NetworkModel : IEventModel
{
    /// <summary>The kind written in the file of a classifier or regressor.</summary>
    public const string DnnKind = "dnn";

    /// <summary>The kind written in the file of an autoencoder.</summary>
    public const string AutoencoderKind = "autoencoder";

    private const int ChunkRows = 4096;
    private readonly string[] _inputNames;

    /// <summary>Assembles a model; the network's input width must equal the number of features plus parameters.</summary>
    /// <param name="task">What the network predicts.</param>
    /// <param name="featureNames">The feature columns.</param>
    /// <param name="parameterNames">Physics parameters given as extra inputs (empty unless parametrized).</param>
    /// <param name="standardization">Shift and scale of every input (features, then parameters).</param>
    /// <param name="network">The trained network.</param>
    public NetworkModel(NetworkTask task, IReadOnlyList<string> featureNames, IReadOnlyList<string> parameterNames, FeatureStandardization standardization, MultilayerPerceptron network)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(parameterNames);
        ArgumentNullException.ThrowIfNull(standardization);
        ArgumentNullException.ThrowIfNull(network);
        _inputNames = [.. featureNames, .. parameterNames];
        Preconditions.CheckArgument(network.InputCount == _inputNames.Length, "expected one network input per feature and parameter");
        Preconditions.CheckArgument(standardization.Means.Length == _inputNames.Length && standardization.Scales.Length == _inputNames.Length, "expected one mean and scale per input");
        Preconditions.CheckArgument(task != NetworkTask.Autoencoder || network.OutputCount == network.InputCount, "expected an autoencoder to output as many values as it reads");
        Preconditions.CheckArgument(task == NetworkTask.Autoencoder || network.OutputCount == 1, "expected one output for a classifier or regressor");
        Task = task;
        ParameterNames = parameterNames.ToArray();
        Standardization = standardization;
        Network = network;
    }

    /// <inheritdoc/>
    public string Kind => Task == NetworkTask.Autoencoder ? AutoencoderKind : DnnKind;

    /// <summary>What the network predicts.</summary>
    public NetworkTask Task { get; }

    /// <summary>The input columns in network order: the features, then the physics parameters.</summary>
    public IReadOnlyList<string> FeatureNames => _inputNames;

    /// <summary>The physics parameters among the inputs (for example the signal mass), last in <see cref="FeatureNames"/>.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>The standardization of every input.</summary>
    public FeatureStandardization Standardization { get; }

    /// <summary>The network.</summary>
    public MultilayerPerceptron Network { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> OutputNames => Task == NetworkTask.Regressor ? ["prediction"] : ["score"];

    /// <summary>Worker threads of the matrix products at prediction; the scores do not depend on it.</summary>
    public int PredictionThreads { get; set; } = 1;

    /// <summary>
    /// Scores every event: the signal probability (classifier), the predicted value (regressor) or the mean
    /// squared reconstruction error of the standardized inputs (autoencoder).
    /// </summary>
    /// <exception cref="InputException">An input column is missing or holds a non-finite value.</exception>
    public EventTable Predict(EventTable events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var inputs = ReadInputs(events);
        return new EventTable([EventColumn.Float32(OutputNames[0], Score(inputs, events.RowCount))]);
    }

    /// <summary>Reads the input columns of <paramref name="events"/> into a row-major, standardized matrix.</summary>
    /// <exception cref="InputException">An input column is missing or holds a non-finite value.</exception>
    public float[] ReadInputs(EventTable events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var width = _inputNames.Length;
        var rows = events.RowCount;
        var matrix = new float[(long)rows * width];
        for (var f = 0; f < width; f++)
        {
            if (!events.TryGetColumn(_inputNames[f], out var column))
            {
                throw new InputException(
                    $"missing input column '{_inputNames[f]}'; the {Kind} model expects the columns {string.Join(", ", _inputNames)}",
                    location: $"column '{_inputNames[f]}'");
            }
            var values = column.ToFloat32Array();
            for (var r = 0; r < rows; r++)
            {
                if (!float.IsFinite(values[r]))
                {
                    throw new InputException($"expected a finite value, found {values[r]}", location: $"column '{_inputNames[f]}', row {r + 1}");
                }
                matrix[(long)r * width + f] = values[r];
            }
        }
        Standardization.Apply(matrix);
        return matrix;
    }

    /// <summary>Scores <paramref name="rows"/> events of a standardized row-major input matrix (see <see cref="Predict"/>).</summary>
    public float[] Score(float[] standardizedInputs, int rows)
    {
        ArgumentNullException.ThrowIfNull(standardizedInputs);
        var width = Network.InputCount;
        Preconditions.CheckArgument(standardizedInputs.Length >= (long)rows * width, "expected rows × inputs values");
        var scores = new float[rows];
        if (rows == 0)
        {
            return scores;
        }
        var workspace = new NetworkWorkspace(Network, Math.Min(ChunkRows, rows));
        var chunk = new float[workspace.MaxRows * width];
        for (var start = 0; start < rows; start += workspace.MaxRows)
        {
            var count = Math.Min(workspace.MaxRows, rows - start);
            standardizedInputs.AsSpan(start * width, count * width).CopyTo(chunk);
            var output = Network.Forward(workspace, chunk, count, PredictionThreads);
            for (var r = 0; r < count; r++)
            {
                scores[start + r] = Task switch
                {
                    NetworkTask.BinaryClassifier => 1f / (1f + MathF.Exp(-output[r])),
                    NetworkTask.Regressor => output[r],
                    _ => ReconstructionError(chunk.AsSpan(r * width, width), output.AsSpan(r * width, width)),
                };
            }
        }
        return scores;
    }

    private static float ReconstructionError(ReadOnlySpan<float> input, ReadOnlySpan<float> reconstruction)
    {
        double sum = 0;
        for (var i = 0; i < input.Length; i++)
        {
            double d = reconstruction[i] - input[i];
            sum += d * d;
        }
        return (float)(sum / input.Length);
    }
}
