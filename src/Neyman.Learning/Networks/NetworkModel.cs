using Neyman.Core;
using Neyman.Events.Tables;
using Neyman.Learning.Models;

namespace Neyman.Learning.Networks;

/// <summary>
/// A trained network with everything inference needs: the input columns in order (features, then physics
/// parameters of a parametrized classifier), the standardization learned on the training events, an optional
/// <see cref="InvariantMassLayer"/>, and the network. Serves the <c>predict</c> verb through <see cref="IEventModel"/>.
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
    /// <param name="masses">An invariant-mass layer whose outputs follow the standardized inputs (null for none).</param>
    public NetworkModel(NetworkTask task, IReadOnlyList<string> featureNames, IReadOnlyList<string> parameterNames, FeatureStandardization standardization, MultilayerPerceptron network,
        InvariantMassLayer? masses = null)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(parameterNames);
        ArgumentNullException.ThrowIfNull(standardization);
        ArgumentNullException.ThrowIfNull(network);
        _inputNames = [.. featureNames, .. parameterNames];
        Preconditions.CheckArgument(network.InputCount == _inputNames.Length + (masses?.Combinations ?? 0), "expected one network input per feature, parameter and mass combination");
        Preconditions.CheckArgument(masses is null || task != NetworkTask.Autoencoder, "expected no invariant-mass layer in an autoencoder");
        Preconditions.CheckArgument(masses is null || masses.Objects.All(o => Math.Max(o.Pt, Math.Max(o.Eta, o.Phi)) < _inputNames.Length), "expected the mass layer's objects among the inputs");
        Preconditions.CheckArgument(standardization.Means.Length == _inputNames.Length && standardization.Scales.Length == _inputNames.Length, "expected one mean and scale per input");
        Preconditions.CheckArgument(task != NetworkTask.Autoencoder || network.OutputCount == network.InputCount, "expected an autoencoder to output as many values as it reads");
        Preconditions.CheckArgument(task == NetworkTask.Autoencoder || network.OutputCount == 1, "expected one output for a classifier or regressor");
        Task = task;
        ParameterNames = parameterNames.ToArray();
        Standardization = standardization;
        Network = network;
        Masses = masses;
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

    /// <summary>The invariant-mass layer in front of the network, or null.</summary>
    public InvariantMassLayer? Masses { get; }

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
        var inputs = ReadRawInputs(events);
        float[]? momenta = null;
        if (Masses is not null)
        {
            momenta = new float[(long)events.RowCount * Masses.MomentumWidth];
            Masses.FourMomenta(inputs, _inputNames.Length, events.RowCount, momenta);
        }
        Standardization.Apply(inputs);
        return new EventTable([EventColumn.Float32(OutputNames[0], Score(inputs, events.RowCount, momenta))]);
    }

    /// <summary>Reads the input columns of <paramref name="events"/> into a row-major, standardized matrix.</summary>
    /// <exception cref="InputException">An input column is missing or holds a non-finite value.</exception>
    public float[] ReadInputs(EventTable events)
    {
        var matrix = ReadRawInputs(events);
        Standardization.Apply(matrix);
        return matrix;
    }

    private float[] ReadRawInputs(EventTable events)
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
        return matrix;
    }

    /// <summary>
    /// Scores <paramref name="rows"/> events of a standardized row-major input matrix (see <see cref="Predict"/>); a
    /// model with an invariant-mass layer also needs the events' four-momenta (<see cref="InvariantMassLayer.FourMomenta"/>
    /// of the raw inputs).
    /// </summary>
    public float[] Score(float[] standardizedInputs, int rows, float[]? momenta = null)
    {
        ArgumentNullException.ThrowIfNull(standardizedInputs);
        var width = _inputNames.Length;
        var networkWidth = Network.InputCount;
        Preconditions.CheckArgument(standardizedInputs.Length >= (long)rows * width, "expected rows × inputs values");
        Preconditions.CheckArgument(Masses is null || (momenta is not null && momenta.Length >= (long)rows * Masses.MomentumWidth), "expected the events' four-momenta for the invariant-mass layer");
        var scores = new float[rows];
        if (rows == 0)
        {
            return scores;
        }
        var workspace = new NetworkWorkspace(Network, Math.Min(ChunkRows, rows));
        var chunk = new float[workspace.MaxRows * networkWidth];
        var masses = Masses is null ? [] : new float[workspace.MaxRows * Masses.Combinations];
        for (var start = 0; start < rows; start += workspace.MaxRows)
        {
            var count = Math.Min(workspace.MaxRows, rows - start);
            var inputs = standardizedInputs.AsSpan(start * width, count * width);
            if (Masses is null)
            {
                inputs.CopyTo(chunk);
            }
            else
            {
                Masses.AppendOutputs(inputs, width, momenta.AsSpan(start * Masses.MomentumWidth, count * Masses.MomentumWidth), count, chunk, masses);
            }
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
