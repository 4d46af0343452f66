using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Neyman.Learning.Networks;

namespace Neyman.Learning.Tests.Networks;

public class OnnxExportTests
{
    [Theory]
    [InlineData(NetworkTask.BinaryClassifier, ActivationKind.Tanh)]
    [InlineData(NetworkTask.BinaryClassifier, ActivationKind.Relu)]
    [InlineData(NetworkTask.BinaryClassifier, ActivationKind.Sigmoid)]
    [InlineData(NetworkTask.Regressor, ActivationKind.Elu)]
    [InlineData(NetworkTask.Regressor, ActivationKind.Gelu)]
    [InlineData(NetworkTask.Autoencoder, ActivationKind.Silu)]
    [InlineData(NetworkTask.BinaryClassifier, ActivationKind.Tanh, true)]
    public void Onnx_runtime_reproduces_the_predictions(NetworkTask task, ActivationKind activation, bool layerNormalization = false)
    {
        var model = NetworkModelTests.Trained(task, activation, layerNormalization);
        var events = NetworkModelTests.Events(64, 7);
        var expected = model.Predict(events)[model.OutputNames[0]].Float32Values;
        var rows = events.RowCount;
        using var session = new InferenceSession(NetworkOnnxExporter.Export(model));
        var input = new DenseTensor<float>(RawInputs(model, events), [rows, model.FeatureNames.Count]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(NetworkOnnxExporter.InputName, input)]);
        var output = results.Single();
        Assert.Equal(model.OutputNames[0], output.Name);
        var actual = output.AsTensor<float>().ToArray();
        Assert.Equal(rows, actual.Length);
        for (var r = 0; r < rows; r++)
        {
            Assert.True(Math.Abs(actual[r] - expected[r]) <= 1e-5 * Math.Max(1, Math.Abs(expected[r])), $"row {r}: {actual[r]} vs {expected[r]}");
        }
    }

    /// <summary>The model's input columns of <paramref name="events"/>, row-major, as the ONNX graph reads them.</summary>
    internal static float[] RawInputs(NetworkModel model, Neyman.Events.Tables.EventTable events)
    {
        var rows = events.RowCount;
        var width = model.FeatureNames.Count;
        var raw = new float[rows * width];
        for (var f = 0; f < width; f++)
        {
            var column = events[model.FeatureNames[f]].Float32Values;
            for (var r = 0; r < rows; r++)
            {
                raw[r * width + f] = column[r];
            }
        }
        return raw;
    }
}
