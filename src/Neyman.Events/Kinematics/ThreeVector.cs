namespace Neyman.Events.Kinematics;

/// <summary>A Cartesian three-vector, used for momenta and boost velocities (beta).</summary>
public readonly record struct ThreeVector(double X, double Y, double Z)
{
    /// <summary>The Euclidean length.</summary>
    public double Magnitude => Math.Sqrt(X * X + Y * Y + Z * Z);

    /// <summary>The squared length.</summary>
    public double Magnitude2 => X * X + Y * Y + Z * Z;

    /// <summary>The scalar product.</summary>
    public double Dot(ThreeVector other) => X * other.X + Y * other.Y + Z * other.Z;

    /// <summary>The vector product.</summary>
    public ThreeVector Cross(ThreeVector other) =>
        new(Y * other.Z - Z * other.Y, Z * other.X - X * other.Z, X * other.Y - Y * other.X);

    /// <summary>Component-wise sum.</summary>
    public static ThreeVector operator +(ThreeVector a, ThreeVector b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    /// <summary>Component-wise difference.</summary>
    public static ThreeVector operator -(ThreeVector a, ThreeVector b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    /// <summary>The opposite vector.</summary>
    public static ThreeVector operator -(ThreeVector a) => new(-a.X, -a.Y, -a.Z);

    /// <summary>Scaling by a number.</summary>
    public static ThreeVector operator *(double s, ThreeVector a) => new(s * a.X, s * a.Y, s * a.Z);

    /// <summary>A unit vector from polar angles: cos(theta) and phi.</summary>
    public static ThreeVector FromCosThetaPhi(double cosTheta, double phi)
    {
        var (sinPhi, cosPhi) = Math.SinCos(phi);
        return FromCosThetaPhi(cosTheta, cosPhi, sinPhi);
    }

    /// <summary>A unit vector from cos(theta) and the azimuth given as (cos phi, sin phi).</summary>
    public static ThreeVector FromCosThetaPhi(double cosTheta, double cosPhi, double sinPhi)
    {
        var sinTheta = Math.Sqrt(Math.Max(0.0, 1.0 - cosTheta * cosTheta));
        return new ThreeVector(sinTheta * cosPhi, sinTheta * sinPhi, cosTheta);
    }
}
