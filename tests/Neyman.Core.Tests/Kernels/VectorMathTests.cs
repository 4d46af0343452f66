using Neyman.Core.Kernels;

namespace Neyman.Core.Tests.Kernels;

public class VectorMathTests
{
    private static float[] Grid()
    {
        var values = new List<float> { 0f, -0f, 1e-30f, -1e-30f, 1e-6f, 0.3f, -0.3f, 0.29999998f, 8.999f, 9f, 9.001f, 50f, -50f, float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity };
        for (var x = -20.0; x <= 20.0; x += 0.00137)
        {
            values.Add((float)x);
        }
        return [.. values];
    }

    [Fact]
    public void Tanh_is_within_3e_7_of_the_exact_value_and_vector_matches_scalar()
    {
        var input = Grid();
        var output = new float[input.Length];
        VectorMath.Tanh(input, output);
        for (var i = 0; i < input.Length; i++)
        {
            var exact = Math.Tanh(input[i]);
            Assert.True(Math.Abs(output[i] - exact) <= 3e-7, $"tanh({input[i]:R}) = {output[i]:R}, exact {exact:R}");
            Assert.True(Math.Abs(output[i] - exact) <= 4e-6 * Math.Abs(exact) || Math.Abs(exact) > 1e-3, $"relative error at {input[i]:R}");
            Assert.Equal(VectorMath.Tanh(input[i]), output[i]);
        }
    }

    [Fact]
    public void Sigmoid_is_within_3e_7_of_the_exact_value()
    {
        var input = Grid();
        var output = new float[input.Length];
        VectorMath.Sigmoid(input, output);
        for (var i = 0; i < input.Length; i++)
        {
            var exact = 1 / (1 + Math.Exp(-(double)input[i]));
            Assert.True(Math.Abs(output[i] - exact) <= 3e-7, $"sigmoid({input[i]:R}) = {output[i]:R}, exact {exact:R}");
        }
    }

    [Fact]
    public void Nan_propagates()
    {
        var output = new float[20];
        var input = new float[20];
        input[3] = float.NaN;
        input[19] = float.NaN;
        VectorMath.Tanh(input, output);
        Assert.True(float.IsNaN(output[3]) && float.IsNaN(output[19]));
        Assert.Equal(0f, output[4]);
    }
}
