using Neyman.Learning.Trees;
using Xunit;

namespace Neyman.Learning.Tests.Trees;

public sealed class GradientHistogramTests
{
    [Fact]
    public void SubtractionTrickEqualsDirectSiblingHistogram()
    {
        const int n = 500;
        var random = new Random(7);
        byte[][] columns = [new byte[n], new byte[n]];
        var gradient = new float[n];
        var hessian = new float[n];
        for (var i = 0; i < n; i++)
        {
            columns[0][i] = (byte)random.Next(0, 256);
            columns[1][i] = (byte)random.Next(0, 8);
            // Multiples of 1/4 are summed exactly in double, so subtraction must agree to the bit.
            gradient[i] = random.Next(-40, 40) / 4f;
            hessian[i] = random.Next(0, 40) / 4f;
        }

        var all = Enumerable.Range(0, n).ToArray();
        var left = all.Where(r => columns[1][r] < 3).ToArray();
        var right = all.Where(r => columns[1][r] >= 3).ToArray();
        var parent = new GradientHistogram(2);
        parent.Accumulate(columns, all, gradient, hessian);
        var leftHistogram = new GradientHistogram(2);
        leftHistogram.Accumulate(columns, left, gradient, hessian);
        var direct = new GradientHistogram(2);
        direct.Accumulate(columns, right, gradient, hessian);
        var derived = GradientHistogram.Subtract(parent, leftHistogram);
        for (var f = 0; f < 2; f++)
        {
            for (var b = 0; b < GradientHistogram.BinsPerFeature; b++)
            {
                Assert.Equal(direct.Gradient(f, b), derived.Gradient(f, b));
                Assert.Equal(direct.Hessian(f, b), derived.Hessian(f, b));
                Assert.Equal(direct.Count(f, b), derived.Count(f, b));
            }
        }

        Assert.Equal(right.Length, Enumerable.Range(0, 256).Sum(b => derived.Count(1, b)));
        Assert.Equal(right.Sum(r => (double)gradient[r]), Enumerable.Range(0, 256).Sum(b => derived.Gradient(0, b)));
    }
}
