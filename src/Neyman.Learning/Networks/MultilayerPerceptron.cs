using System.Numerics.Tensors;
using Neyman.Core;
using Neyman.Core.Kernels;

namespace Neyman.Learning.Networks;

/// <summary>
/// A stack of dense layers whose weights and biases live in one flat parameter buffer. Forward and backward
/// passes run over row-major batches with the packed GEMM; the gradient buffer has the parameters' layout.
/// </summary>
public sealed class MultilayerPerceptron
{
    private readonly DenseLayer[] _layers;

    /// <summary>Creates a network with zero parameters: hidden layers of the given widths and one linear output layer.</summary>
    /// <param name="inputs">Number of input features.</param>
    /// <param name="hiddenWidths">Width of each hidden layer (may be empty for a linear model).</param>
    /// <param name="hiddenActivation">Activation of the hidden layers.</param>
    /// <param name="outputs">Width of the output layer, which has the identity activation.</param>
    /// <param name="layerNormalization">Whether each hidden layer normalizes its pre-activations.</param>
    public MultilayerPerceptron(int inputs, IReadOnlyList<int> hiddenWidths, ActivationKind hiddenActivation, int outputs, bool layerNormalization = false)
        : this(Describe(inputs, hiddenWidths, hiddenActivation, outputs), null, [.. hiddenWidths.Select(_ => layerNormalization), false])
    {
    }

    /// <summary>Creates a network from a list of layer shapes and, optionally, its parameter values.</summary>
    /// <param name="shapes">(inputs, outputs, activation) of each layer; consecutive widths must agree.</param>
    /// <param name="parameters">The flat parameters (null for zeros); the array is used, not copied.</param>
    /// <param name="layerNormalization">Per layer, whether it is normalized (null: none).</param>
    public MultilayerPerceptron(IReadOnlyList<(int Inputs, int Outputs, ActivationKind Activation)> shapes, float[]? parameters, IReadOnlyList<bool>? layerNormalization = null)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        Preconditions.CheckArgument(shapes.Count > 0, "expected at least one layer");
        Preconditions.CheckArgument(layerNormalization is null || layerNormalization.Count == shapes.Count, "expected one normalization flag per layer");
        _layers = new DenseLayer[shapes.Count];
        var offset = 0;
        for (var l = 0; l < shapes.Count; l++)
        {
            var (i, o, activation) = shapes[l];
            Preconditions.CheckArgument(i > 0 && o > 0, "expected positive layer widths");
            Preconditions.CheckArgument(l == 0 || shapes[l - 1].Outputs == i, "expected each layer's inputs to equal the previous layer's outputs");
            var normalized = layerNormalization is not null && layerNormalization[l];
            _layers[l] = new DenseLayer(i, o, activation, offset, offset + i * o, normalized ? offset + i * o + o : -1);
            offset += _layers[l].ParameterCount;
        }
        Preconditions.CheckArgument(parameters is null || parameters.Length == offset, "expected one value per parameter");
        Parameters = parameters ?? new float[offset];
    }

    /// <summary>The layers, input to output.</summary>
    public IReadOnlyList<DenseLayer> Layers => _layers;

    /// <summary>All weights and biases, layer after layer (W row-major, then b).</summary>
    public float[] Parameters { get; }

    /// <summary>Number of input features.</summary>
    public int InputCount => _layers[0].Inputs;

    /// <summary>Width of the output.</summary>
    public int OutputCount => _layers[^1].Outputs;

    /// <summary>Draws the weights from a seeded stream; biases and normalization shifts start at zero, scales at one.</summary>
    public void Initialize(InitializationKind kind, ulong seed)
    {
        var random = new RandomStream(seed);
        Array.Clear(Parameters);
        foreach (var layer in _layers)
        {
            var he = kind == InitializationKind.HeNormal || (kind == InitializationKind.Automatic && layer.Activation is ActivationKind.Relu or ActivationKind.Elu or ActivationKind.Gelu or ActivationKind.Silu);
            if (layer.IsNormalized)
            {
                Parameters.AsSpan(layer.NormalizationOffset, layer.Outputs).Fill(1f);
            }
            var weights = Parameters.AsSpan(layer.WeightOffset, layer.Inputs * layer.Outputs);
            if (he)
            {
                var sigma = Math.Sqrt(2.0 / layer.Inputs);
                for (var i = 0; i < weights.Length; i++)
                {
                    weights[i] = (float)(sigma * random.NextGaussian());
                }
            }
            else
            {
                var limit = Math.Sqrt(6.0 / (layer.Inputs + layer.Outputs));
                for (var i = 0; i < weights.Length; i++)
                {
                    weights[i] = (float)random.NextUniform(-limit, limit);
                }
            }
        }
    }

    /// <summary>Runs the network on <paramref name="rows"/> events of <paramref name="input"/> (rows × inputs, row-major).</summary>
    /// <returns>The output buffer of the workspace (its first rows × outputs values).</returns>
    public float[] Forward(NetworkWorkspace workspace, float[] input, int rows, int threads = 1)
    {
        CheckBatch(workspace, input, rows);
        var x = input;
        for (var l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            var z = workspace.PreActivations[l];
            var bias = Parameters.AsSpan(layer.BiasOffset, layer.Outputs);
            for (var r = 0; r < rows; r++)
            {
                bias.CopyTo(z.AsSpan(r * layer.Outputs, layer.Outputs));
            }
            Gemm.Multiply(false, false, rows, layer.Outputs, layer.Inputs, x, 0, layer.Inputs, Parameters, layer.WeightOffset, layer.Outputs, z, 0, layer.Outputs, 1f, threads);
            var count = rows * layer.Outputs;
            if (layer.IsNormalized)
            {
                LayerNormalization.Forward(z.AsSpan(0, count), rows, layer.Outputs, Parameters.AsSpan(layer.NormalizationOffset, layer.Outputs),
                    Parameters.AsSpan(layer.NormalizationOffset + layer.Outputs, layer.Outputs), workspace.Normalized(l), workspace.InverseDeviation(l));
            }
            Activations.Forward(layer.Activation, z.AsSpan(0, count), workspace.Activations[l].AsSpan(0, count));
            var mask = workspace.Mask(l);
            if (mask is not null)
            {
                TensorPrimitives.Multiply(workspace.Activations[l].AsSpan(0, count), mask.AsSpan(0, count), workspace.LayerOutput(l).AsSpan(0, count));
            }
            x = workspace.LayerOutput(l);
        }
        return workspace.Output;
    }

    /// <summary>
    /// Back-propagates <see cref="NetworkWorkspace.OutputGradient"/> through the last forward pass and writes
    /// dLoss/dParameters into <paramref name="gradients"/> (overwritten, same layout as <see cref="Parameters"/>).
    /// </summary>
    /// <param name="workspace">The workspace of the forward pass.</param>
    /// <param name="input">The input of the forward pass.</param>
    /// <param name="rows">The batch size of the forward pass.</param>
    /// <param name="gradients">Receives the parameter gradients.</param>
    /// <param name="threads">Maximum worker count.</param>
    /// <param name="inputGradient">Optional: receives dLoss/dInput (rows × inputs).</param>
    public void Backward(NetworkWorkspace workspace, float[] input, int rows, float[] gradients, int threads = 1, float[]? inputGradient = null)
    {
        CheckBatch(workspace, input, rows);
        Preconditions.CheckArgument(gradients.Length == Parameters.Length, "expected one gradient per parameter");
        var delta = workspace.GradientA;
        var next = workspace.GradientB;
        workspace.OutputGradient.AsSpan(0, rows * OutputCount).CopyTo(delta);
        for (var l = _layers.Length - 1; l >= 0; l--)
        {
            var layer = _layers[l];
            var count = rows * layer.Outputs;
            var mask = workspace.Mask(l);
            if (mask is not null)
            {
                TensorPrimitives.Multiply(delta.AsSpan(0, count), mask.AsSpan(0, count), delta.AsSpan(0, count));
            }
            Activations.Backward(layer.Activation, workspace.PreActivations[l].AsSpan(0, count), workspace.Activations[l].AsSpan(0, count), delta.AsSpan(0, count));
            if (layer.IsNormalized)
            {
                var scaleGradient = gradients.AsSpan(layer.NormalizationOffset, layer.Outputs);
                var shiftGradient = gradients.AsSpan(layer.NormalizationOffset + layer.Outputs, layer.Outputs);
                scaleGradient.Clear();
                shiftGradient.Clear();
                LayerNormalization.Backward(delta.AsSpan(0, count), rows, layer.Outputs, Parameters.AsSpan(layer.NormalizationOffset, layer.Outputs),
                    workspace.Normalized(l), workspace.InverseDeviation(l), scaleGradient, shiftGradient);
            }
            var x = l == 0 ? input : workspace.LayerOutput(l - 1);
            Gemm.Multiply(true, false, layer.Inputs, layer.Outputs, rows, x, 0, layer.Inputs, delta, 0, layer.Outputs, gradients, layer.WeightOffset, layer.Outputs, 0f, threads);
            var biasGradient = gradients.AsSpan(layer.BiasOffset, layer.Outputs);
            biasGradient.Clear();
            for (var r = 0; r < rows; r++)
            {
                TensorPrimitives.Add(biasGradient, delta.AsSpan(r * layer.Outputs, layer.Outputs), biasGradient);
            }
            if (l > 0 || inputGradient is not null)
            {
                var target = l > 0 ? next : inputGradient!;
                Preconditions.CheckArgument(target.Length >= rows * layer.Inputs, "expected an input gradient of rows × inputs");
                Gemm.Multiply(false, true, rows, layer.Inputs, layer.Outputs, delta, 0, layer.Outputs, Parameters, layer.WeightOffset, layer.Outputs, target, 0, layer.Inputs, 0f, threads);
                (delta, next) = (next, delta);
            }
        }
    }

    private void CheckBatch(NetworkWorkspace workspace, float[] input, int rows)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(input);
        Preconditions.CheckArgument(rows >= 1 && rows <= workspace.MaxRows, "expected a batch no larger than the workspace");
        Preconditions.CheckArgument(input.Length >= rows * InputCount, "expected rows × inputs input values");
    }

    private static (int, int, ActivationKind)[] Describe(int inputs, IReadOnlyList<int> hiddenWidths, ActivationKind hiddenActivation, int outputs)
    {
        ArgumentNullException.ThrowIfNull(hiddenWidths);
        var shapes = new (int, int, ActivationKind)[hiddenWidths.Count + 1];
        var width = inputs;
        for (var l = 0; l < hiddenWidths.Count; l++)
        {
            shapes[l] = (width, hiddenWidths[l], hiddenActivation);
            width = hiddenWidths[l];
        }
        shapes[^1] = (width, outputs, ActivationKind.Identity);
        return shapes;
    }
}
