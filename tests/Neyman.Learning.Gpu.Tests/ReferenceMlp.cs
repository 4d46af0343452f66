namespace Neyman.Learning.Gpu.Tests;

/// <summary>A plain double-precision MLP with the same conventions as the GPU trainer, for checking it.</summary>
internal static class ReferenceMlp
{
    public static double Activate(GpuActivation kind, double z) => kind switch
    {
        GpuActivation.Tanh => Math.Tanh(z),
        GpuActivation.Relu => Math.Max(0, z),
        _ => 1 / (1 + Math.Exp(-z)),
    };

    public static double Derivative(GpuActivation kind, double a) => kind switch
    {
        GpuActivation.Tanh => 1 - a * a,
        GpuActivation.Relu => a > 0 ? 1 : 0,
        _ => a * (1 - a),
    };

    /// <summary>Activations of every layer for every row: [layer][row][unit]; the last layer holds the logit.</summary>
    public static double[][][] Forward(GpuMlpParameters p, float[] x, int rows)
    {
        var widths = p.Spec.Widths;
        var layers = new double[widths.Length][][];
        layers[0] = Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, widths[0]).Select(f => (double)x[r * widths[0] + f]).ToArray()).ToArray();
        for (var l = 0; l < p.Spec.LayerCount; l++)
        {
            layers[l + 1] = new double[rows][];
            for (var r = 0; r < rows; r++)
            {
                var output = new double[widths[l + 1]];
                for (var j = 0; j < output.Length; j++)
                {
                    var z = (double)p.Biases[l][j];
                    for (var i = 0; i < widths[l]; i++)
                    {
                        z += layers[l][r][i] * p.Weights[l][i * widths[l + 1] + j];
                    }
                    output[j] = l < p.Spec.LayerCount - 1 ? Activate(p.Spec.Activation, z) : z;
                }
                layers[l + 1][r] = output;
            }
        }
        return layers;
    }

    /// <summary>Gradients of the weighted mean BCE over the given rows: (dW[l], db[l]).</summary>
    public static (double[][] Weights, double[][] Biases) Gradients(GpuMlpParameters p, float[] x, float[] y, float[] w, int[] rows)
    {
        var widths = p.Spec.Widths;
        var batchX = rows.SelectMany(r => x.AsSpan(r * widths[0], widths[0]).ToArray()).ToArray();
        var acts = Forward(p, batchX, rows.Length);
        var weightSum = rows.Sum(r => (double)w[r]);
        var gw = new double[p.Spec.LayerCount][];
        var gb = new double[p.Spec.LayerCount][];
        var delta = rows.Select((r, i) => new[] { w[r] * (1 / (1 + Math.Exp(-acts[^1][i][0])) - y[r]) / weightSum }).ToArray();
        for (var l = p.Spec.LayerCount - 1; l >= 0; l--)
        {
            gw[l] = new double[widths[l] * widths[l + 1]];
            gb[l] = new double[widths[l + 1]];
            for (var b = 0; b < rows.Length; b++)
            {
                for (var j = 0; j < widths[l + 1]; j++)
                {
                    gb[l][j] += delta[b][j];
                    for (var i = 0; i < widths[l]; i++)
                    {
                        gw[l][i * widths[l + 1] + j] += acts[l][b][i] * delta[b][j];
                    }
                }
            }
            if (l > 0)
            {
                var previous = new double[rows.Length][];
                for (var b = 0; b < rows.Length; b++)
                {
                    previous[b] = new double[widths[l]];
                    for (var i = 0; i < widths[l]; i++)
                    {
                        var s = 0.0;
                        for (var j = 0; j < widths[l + 1]; j++)
                        {
                            s += delta[b][j] * p.Weights[l][i * widths[l + 1] + j];
                        }
                        previous[b][i] = s * Derivative(p.Spec.Activation, acts[l][b][i]);
                    }
                }
                delta = previous;
            }
        }
        return (gw, gb);
    }
}
