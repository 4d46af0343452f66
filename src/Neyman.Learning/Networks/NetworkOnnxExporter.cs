using System.Runtime.InteropServices;
using Neyman.Core;

namespace Neyman.Learning.Networks;

/// <summary>
/// Writes a <see cref="NetworkModel"/> as an ONNX model (opset 17): input "features" of shape [N, inputs] holding
/// the raw input columns in <see cref="NetworkModel.FeatureNames"/> order; the graph standardizes them (Sub, Div),
/// appends the outputs of an <see cref="InvariantMassLayer"/> when the model has one (four-momenta, combinations and
/// masses in double precision, as the library computes them),
/// applies each dense layer as Gemm (plus LayerNormalization when normalized) and its activation, and ends with the model's score column of shape
/// [N, 1]: the sigmoid of the logit, the regression value, or the autoencoder's mean squared reconstruction error.
/// </summary>
public static class NetworkOnnxExporter
{
    private const int OpsetVersion = 17;
    private const int IrVersion = 8;
    private const int FloatType = 1;
    private const int DoubleType = 11;

    /// <summary>The name of the graph input.</summary>
    public const string InputName = "features";

    /// <summary>Writes the ONNX file atomically.</summary>
    public static void Save(NetworkModel model, string path)
    {
        var bytes = Export(model);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    /// <summary>The serialized ONNX ModelProto of <paramref name="model"/>.</summary>
    public static byte[] Export(NetworkModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = new GraphBuilder();
        var inputs = model.FeatureNames.Count;
        graph.Initializer("mean", [inputs], model.Standardization.Means);
        graph.Initializer("scale", [inputs], model.Standardization.Scales);
        graph.Node("Sub", [InputName, "mean"], "shifted");
        var x = graph.Node("Div", ["shifted", "scale"], "standardized");
        if (model.Masses is { } masses)
        {
            x = graph.Node("Concat", [x, MassOutputs(graph, masses, inputs)], "network_input", w => w.IntAttribute("axis", 1));
        }
        var parameters = model.Network.Parameters;
        for (var l = 0; l < model.Network.Layers.Count; l++)
        {
            var layer = model.Network.Layers[l];
            graph.Initializer($"W{l}", [layer.Inputs, layer.Outputs], parameters.AsSpan(layer.WeightOffset, layer.Inputs * layer.Outputs));
            graph.Initializer($"b{l}", [layer.Outputs], parameters.AsSpan(layer.BiasOffset, layer.Outputs));
            var z = graph.Node("Gemm", [x, $"W{l}", $"b{l}"], $"z{l}");
            if (layer.IsNormalized)
            {
                graph.Initializer($"gamma{l}", [layer.Outputs], parameters.AsSpan(layer.NormalizationOffset, layer.Outputs));
                graph.Initializer($"beta{l}", [layer.Outputs], parameters.AsSpan(layer.NormalizationOffset + layer.Outputs, layer.Outputs));
                z = graph.Node("LayerNormalization", [z, $"gamma{l}", $"beta{l}"], $"n{l}", w => w
                    .IntAttribute("axis", -1)
                    .FloatAttribute("epsilon", LayerNormalization.Epsilon));
            }
            x = Activation(graph, layer.Activation, z, $"h{l}");
        }
        var output = model.OutputNames[0];
        switch (model.Task)
        {
            case NetworkTask.BinaryClassifier:
                graph.Node("Sigmoid", [x], output);
                break;
            case NetworkTask.Regressor:
                graph.Node("Identity", [x], output);
                break;
            default:
                graph.Node("Sub", [x, "standardized"], "residual");
                graph.Node("Mul", ["residual", "residual"], "squared");
                graph.Node("ReduceMean", ["squared"], output, w => w.Message(5, a => a.String(1, "axes").Int64(8, 1).Int64(20, 7)));
                break;
        }
        return new ProtobufWriter()
            .Int64(1, IrVersion)
            .String(2, "neyman")
            .String(3, "0.1")
            .Message(7, g => graph.Write(g, inputs, output))
            .Message(8, o => o.String(1, "").Int64(2, OpsetVersion))
            .ToArray();
    }

    // The invariant-mass layer, computed as the library does: the objects' columns picked by products with 0/1 matrices
    // (an object without eta gets eta = 0), four-momenta in double precision rounded to float, their combinations by
    // relu(W)^T and the masses in double precision, rounded to float and standardized by the running statistics.
    private static string MassOutputs(GraphBuilder graph, InvariantMassLayer masses, int inputs)
    {
        var objects = masses.Objects.Count;
        var combinations = masses.Combinations;
        float[] Selection(Func<MomentumObject, int> column)
        {
            var matrix = new float[inputs * objects];
            for (var o = 0; o < objects; o++)
            {
                var f = column(masses.Objects[o]);
                if (f >= 0)
                {
                    matrix[f * objects + o] = 1f;
                }
            }
            return matrix;
        }
        foreach (var (name, column) in new (string, Func<MomentumObject, int>)[] { ("pt", o => o.Pt), ("eta", o => o.Eta), ("phi", o => o.Phi) })
        {
            graph.Initializer($"mass_select_{name}", [inputs, objects], Selection(column));
            graph.Node("MatMul", [InputName, $"mass_select_{name}"], $"object_{name}_float");
            Cast(graph, $"object_{name}_float", $"object_{name}", DoubleType);
        }
        graph.DoubleInitializer("inverse_unit", [], [1.0 / masses.MomentumUnit]);
        graph.Node("Mul", ["object_pt", "inverse_unit"], "object_pt_units");
        // cosh and sinh from exponentials (double precision).
        graph.Node("Exp", ["object_eta"], "object_exp");
        graph.Node("Neg", ["object_eta"], "object_negative_eta");
        graph.Node("Exp", ["object_negative_eta"], "object_exp_negative");
        graph.DoubleInitializer("half_double", [], [0.5]);
        graph.Node("Add", ["object_exp", "object_exp_negative"], "object_cosh_2");
        graph.Node("Sub", ["object_exp", "object_exp_negative"], "object_sinh_2");
        graph.Node("Mul", ["object_cosh_2", "half_double"], "object_cosh");
        graph.Node("Mul", ["object_sinh_2", "half_double"], "object_sinh");
        graph.Node("Cos", ["object_phi"], "object_cos");
        graph.Node("Sin", ["object_phi"], "object_sin");
        var combination = new float[objects * combinations];
        for (var c = 0; c < combinations; c++)
        {
            for (var o = 0; o < objects; o++)
            {
                combination[o * combinations + c] = masses.CombinationWeight(c, o);
            }
        }
        graph.Initializer("mass_combination_float", [objects, combinations], combination);
        Cast(graph, "mass_combination_float", "mass_combination", DoubleType);
        foreach (var (name, factor) in new[] { ("e", "object_cosh"), ("px", "object_cos"), ("py", "object_sin"), ("pz", "object_sinh") })
        {
            graph.Node("Mul", ["object_pt_units", factor], $"object_{name}_exact");
            Cast(graph, $"object_{name}_exact", $"object_{name}_float", FloatType);
            Cast(graph, $"object_{name}_float", $"object_{name}", DoubleType);
            graph.Node("MatMul", [$"object_{name}", "mass_combination"], $"combined_{name}");
            graph.Node("Mul", [$"combined_{name}", $"combined_{name}"], $"combined_{name}2");
        }
        graph.Node("Sub", ["combined_e2", "combined_px2"], "mass2_a");
        graph.Node("Sub", ["mass2_a", "combined_py2"], "mass2_b");
        graph.Node("Sub", ["mass2_b", "combined_pz2"], "mass2");
        graph.Node("Relu", ["mass2"], "mass2_positive");
        graph.DoubleInitializer("mass_epsilon", [], [InvariantMassLayer.MassEpsilon]);
        graph.Node("Add", ["mass2_positive", "mass_epsilon"], "mass2_shifted");
        graph.Node("Sqrt", ["mass2_shifted"], "mass_double");
        Cast(graph, "mass_double", "mass", FloatType);
        graph.Initializer("mass_mean", [combinations], masses.Means);
        graph.Initializer("mass_inverse_deviation", [combinations], Enumerable.Range(0, combinations).Select(masses.InverseDeviation).ToArray());
        graph.Node("Sub", ["mass", "mass_mean"], "mass_shifted");
        return graph.Node("Mul", ["mass_shifted", "mass_inverse_deviation"], "mass_outputs");
    }

    private static void Cast(GraphBuilder graph, string input, string output, int type) =>
        graph.Node("Cast", [input], output, w => w.IntAttribute("to", type));

    // A node's attribute (AttributeProto, node field 5): name (1), value (2 float, 3 int) and type (20: 1 FLOAT, 2 INT).
    private static ProtobufWriter IntAttribute(this ProtobufWriter node, string name, long value) =>
        node.Message(5, a => a.String(1, name).Int64(3, value).Int64(20, 2));

    private static ProtobufWriter FloatAttribute(this ProtobufWriter node, string name, float value) =>
        node.Message(5, a => a.String(1, name).Float(2, value).Int64(20, 1));

    private static string Activation(GraphBuilder graph, ActivationKind kind, string z, string name)
    {
        switch (kind)
        {
            case ActivationKind.Identity:
                return z;
            case ActivationKind.Relu:
                return graph.Node("Relu", [z], name);
            case ActivationKind.Tanh:
                return graph.Node("Tanh", [z], name);
            case ActivationKind.Sigmoid:
                return graph.Node("Sigmoid", [z], name);
            case ActivationKind.Elu:
                return graph.Node("Elu", [z], name, w => w.FloatAttribute("alpha", 1f));
            case ActivationKind.Silu:
                graph.Node("Sigmoid", [z], name + "_gate");
                return graph.Node("Mul", [z, name + "_gate"], name);
            default:
                // GELU, tanh form: 0.5·z·(1 + tanh(√(2/π)·(z + 0.044715·z³))).
                graph.Constant(name + "_c", 0.044715f);
                graph.Constant(name + "_k", 0.7978845608028654f);
                graph.Constant(name + "_half", 0.5f);
                graph.Constant(name + "_one", 1f);
                graph.Node("Mul", [z, z], name + "_z2");
                graph.Node("Mul", [name + "_z2", z], name + "_z3");
                graph.Node("Mul", [name + "_z3", name + "_c"], name + "_cz3");
                graph.Node("Add", [z, name + "_cz3"], name + "_inner");
                graph.Node("Mul", [name + "_inner", name + "_k"], name + "_arg");
                graph.Node("Tanh", [name + "_arg"], name + "_t");
                graph.Node("Add", [name + "_t", name + "_one"], name + "_1pt");
                graph.Node("Mul", [z, name + "_1pt"], name + "_z1pt");
                return graph.Node("Mul", [name + "_z1pt", name + "_half"], name);
        }
    }

    private sealed class GraphBuilder
    {
        private readonly List<Action<ProtobufWriter>> _nodes = [];
        private readonly List<Action<ProtobufWriter>> _initializers = [];

        public string Node(string op, string[] inputs, string output, Action<ProtobufWriter>? attributes = null)
        {
            var name = $"{op}_{_nodes.Count}";
            _nodes.Add(w =>
            {
                foreach (var input in inputs)
                {
                    w.String(1, input);
                }
                w.String(2, output).String(3, name).String(4, op);
                attributes?.Invoke(w);
            });
            return output;
        }

        public void Initializer(string name, long[] dims, ReadOnlySpan<float> values) => Initializer(name, dims, FloatType, MemoryMarshal.AsBytes(values).ToArray());

        public void Constant(string name, float value) => Initializer(name, [], [value]);

        public void DoubleInitializer(string name, long[] dims, ReadOnlySpan<double> values) => Initializer(name, dims, DoubleType, MemoryMarshal.AsBytes(values).ToArray());

        private void Initializer(string name, long[] dims, int type, byte[] bytes) =>
            _initializers.Add(w =>
            {
                foreach (var dim in dims)
                {
                    w.Int64(1, dim);
                }
                w.Int64(2, type).String(8, name).Bytes(9, bytes);
            });

        public void Write(ProtobufWriter graph, int inputs, string output)
        {
            foreach (var node in _nodes)
            {
                graph.Message(1, node);
            }
            graph.String(2, "neyman_network");
            foreach (var initializer in _initializers)
            {
                graph.Message(5, initializer);
            }
            graph.Message(11, v => ValueInfo(v, InputName, inputs));
            graph.Message(12, v => ValueInfo(v, output, 1));
        }

        private static void ValueInfo(ProtobufWriter value, string name, int width) =>
            value.String(1, name).Message(2, type => type.Message(1, tensor => tensor
                .Int64(1, FloatType)
                .Message(2, shape => shape
                    .Message(1, d => d.String(2, "N"))
                    .Message(1, d => d.Int64(1, width)))));
    }
}
