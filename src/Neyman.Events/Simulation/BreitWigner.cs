namespace Neyman.Events.Simulation;

/// <summary>
/// The Breit-Wigner (Cauchy) line shape of an unstable particle's mass,
/// p(m) proportional to 1 / ((m - m0)^2 + Gamma^2 / 4), truncated to a window [low, high].
/// Sampling from a uniform number inverts the cumulative distribution; sampling from a random stream
/// draws until a Cauchy deviate falls in the window, which is cheaper than a tangent.
/// </summary>
public static class BreitWigner
{
    /// <summary>
    /// A mass drawn from the line shape truncated to [low, high] with random numbers from <paramref name="random"/>:
    /// by rejection from a Cauchy deviate (the ratio of the coordinates of a point uniform in a half disk), which
    /// needs no trigonometric function, or by inverting the cumulative distribution when the window holds less than
    /// a quarter of the line shape. The number of draws varies from call to call.
    /// </summary>
    /// <param name="random">The stream the uniform numbers come from.</param>
    /// <param name="mass">The pole mass m0.</param>
    /// <param name="width">The total width Gamma (&gt; 0).</param>
    /// <param name="low">Lower end of the window (&lt; <paramref name="high"/>).</param>
    /// <param name="high">Upper end of the window.</param>
    public static double Sample(Neyman.Core.RandomStream random, double mass, double width, double low, double high)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new BreitWignerWindow(mass, width, low, high).Sample(random);
    }

    /// <summary>
    /// The mass whose truncated cumulative probability is <paramref name="uniform"/>:
    /// m = m0 + Gamma/2 tan(a + u (b - a)) with a, b = atan(2 (low - m0) / Gamma), atan(2 (high - m0) / Gamma).
    /// </summary>
    /// <param name="uniform">A uniform number in [0, 1).</param>
    /// <param name="mass">The pole mass m0.</param>
    /// <param name="width">The total width Gamma (&gt; 0).</param>
    /// <param name="low">Lower end of the window (&lt; <paramref name="high"/>).</param>
    /// <param name="high">Upper end of the window.</param>
    public static double Sample(double uniform, double mass, double width, double low, double high) =>
        new BreitWignerWindow(mass, width, low, high).Quantile(uniform);

    /// <summary>The truncated cumulative distribution: the probability that the mass is below <paramref name="m"/>.</summary>
    public static double Cumulative(double m, double mass, double width, double low, double high) =>
        new BreitWignerWindow(mass, width, low, high).Cumulative(m);
}
