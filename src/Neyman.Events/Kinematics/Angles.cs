namespace Neyman.Events.Kinematics;

/// <summary>Angle helpers shared by scalar and column kinematics.</summary>
public static class Angles
{
    /// <summary>The difference <paramref name="phi1"/> - <paramref name="phi2"/> wrapped into [-pi, pi).</summary>
    public static double DeltaPhi(double phi1, double phi2) => WrapPhi(phi1 - phi2);

    /// <summary>An angle wrapped into [-pi, pi).</summary>
    public static double WrapPhi(double phi)
    {
        if (phi >= -Math.PI && phi < Math.PI)
        {
            return phi;
        }
        var wrapped = phi - 2 * Math.PI * Math.Floor((phi + Math.PI) / (2 * Math.PI));
        // Rounding can land exactly on +pi; the interval is half-open.
        return wrapped >= Math.PI ? wrapped - 2 * Math.PI : wrapped;
    }
}
