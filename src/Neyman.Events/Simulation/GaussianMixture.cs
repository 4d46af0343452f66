using Neyman.Core;

namespace Neyman.Events.Simulation;

/// <summary>A mixture of multivariate normal densities: p(x) = sum_k w_k N(x; mu_k, Sigma_k).</summary>
public sealed class GaussianMixture
{
    /// <summary>Creates a mixture from its components (weights must sum to 1).</summary>
    public GaussianMixture(IReadOnlyList<GaussianComponent> components)
    {
        Preconditions.CheckArgument(components.Count > 0, "a mixture needs at least one component");
        Preconditions.CheckArgument(Math.Abs(components.Sum(c => c.Weight) - 1) < 1e-12, "mixture weights must sum to 1");
        Components = components;
    }

    /// <summary>The components.</summary>
    public IReadOnlyList<GaussianComponent> Components { get; }

    /// <summary>The signal and background mixtures described by <paramref name="options"/> (see <see cref="GaussianOptions"/>).</summary>
    public static (GaussianMixture Signal, GaussianMixture Background) Create(GaussianOptions options)
    {
        options.Validate();
        var random = RandomStream.ForBlock(options.MixtureSeed, StreamPurpose.GaussianConfiguration, 0);
        var d = options.Dimensions;
        var shift = options.Separation / Math.Sqrt(d);
        var background = Enumerable.Range(0, options.Components).Select(_ => Component(random, options, 0)).ToArray();
        var signal = Enumerable.Range(0, options.Components).Select(_ => Component(random, options, shift)).ToArray();
        return (new GaussianMixture(signal), new GaussianMixture(background));
    }

    /// <summary>log p(x), by log-sum-exp over the components.</summary>
    public double LogDensity(ReadOnlySpan<double> x)
    {
        Span<double> terms = stackalloc double[Components.Count];
        var max = double.NegativeInfinity;
        for (var k = 0; k < terms.Length; k++)
        {
            terms[k] = Math.Log(Components[k].Weight) + Components[k].LogDensity(x);
            max = Math.Max(max, terms[k]);
        }
        var sum = 0.0;
        foreach (var t in terms)
        {
            sum += Math.Exp(t - max);
        }
        return max + Math.Log(sum);
    }

    /// <summary>Draws x from the mixture: a component by its weight, then mean + L z.</summary>
    public void Sample(RandomStream random, Span<double> x)
    {
        var u = random.NextDouble();
        var k = 0;
        for (var cumulative = Components[0].Weight; k < Components.Count - 1 && u >= cumulative; cumulative += Components[++k].Weight)
        {
        }
        var d = x.Length;
        Span<double> z = stackalloc double[d];
        for (var i = 0; i < d; i++)
        {
            z[i] = random.NextGaussian();
        }
        Components[k].Transform(z, x);
    }

    private static GaussianComponent Component(RandomStream random, GaussianOptions options, double shift)
    {
        var d = options.Dimensions;
        var mean = new double[d];
        for (var i = 0; i < d; i++)
        {
            mean[i] = random.NextGaussian() + shift;
        }
        var cholesky = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < i; j++)
            {
                cholesky[i * d + j] = 0.3 * random.NextGaussian();
            }
            cholesky[i * d + i] = random.NextUniform(0.7, 1.3);
        }
        return new GaussianComponent(1.0 / options.Components, mean, cholesky);
    }
}
