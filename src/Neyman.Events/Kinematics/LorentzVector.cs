using Neyman.Core;

namespace Neyman.Events.Kinematics;

/// <summary>
/// A four-momentum (Px, Py, Pz, E) in GeV, with the metric (+, -, -, -).
/// Derived quantities follow the collider conventions: the beam along z, azimuth Phi = atan2(Py, Px) in [-pi, pi],
/// pseudorapidity Eta = asinh(Pz / Pt), a signed Mass (negative for space-like vectors, which
/// rounding can produce for massless particles).
/// </summary>
public readonly record struct LorentzVector(double Px, double Py, double Pz, double E)
{
    /// <summary>The zero vector.</summary>
    public static LorentzVector Zero => default;

    /// <summary>From transverse momentum, pseudorapidity, azimuth and a non-negative mass.</summary>
    public static LorentzVector FromPtEtaPhiM(double pt, double eta, double phi, double mass)
    {
        CheckPt(pt);
        if (!(mass >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(mass), mass, "expected a mass >= 0");
        }
        var (px, py, pz) = Components(pt, eta, phi);
        return new LorentzVector(px, py, pz, Math.Sqrt(px * px + py * py + pz * pz + mass * mass));
    }

    /// <summary>From transverse momentum, pseudorapidity, azimuth and energy.</summary>
    public static LorentzVector FromPtEtaPhiE(double pt, double eta, double phi, double energy)
    {
        CheckPt(pt);
        var (px, py, pz) = Components(pt, eta, phi);
        return new LorentzVector(px, py, pz, energy);
    }

    /// <summary>From Cartesian momentum components and a non-negative mass.</summary>
    public static LorentzVector FromPxPyPzM(double px, double py, double pz, double mass)
    {
        if (!(mass >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(mass), mass, "expected a mass >= 0");
        }
        return new LorentzVector(px, py, pz, Math.Sqrt(px * px + py * py + pz * pz + mass * mass));
    }

    /// <summary>From a three-momentum and a non-negative mass.</summary>
    public static LorentzVector FromMomentumAndMass(ThreeVector p, double mass) => FromPxPyPzM(p.X, p.Y, p.Z, mass);

    /// <summary>The three-momentum.</summary>
    public ThreeVector Momentum => new(Px, Py, Pz);

    /// <summary>Transverse momentum sqrt(Px^2 + Py^2).</summary>
    public double Pt => Math.Sqrt(Px * Px + Py * Py);

    /// <summary>Squared transverse momentum.</summary>
    public double Pt2 => Px * Px + Py * Py;

    /// <summary>Momentum magnitude.</summary>
    public double P => Math.Sqrt(Px * Px + Py * Py + Pz * Pz);

    /// <summary>Azimuth atan2(Py, Px) in [-pi, pi] (-pi only for Py = -0); 0 for a vector along the beam.</summary>
    public double Phi => Px == 0 && Py == 0 ? 0.0 : Math.Atan2(Py, Px);

    /// <summary>
    /// Pseudorapidity asinh(Pz / Pt). Along the beam (Pt = 0) it is +infinity or -infinity by the sign
    /// of Pz, and 0 for the zero vector.
    /// </summary>
    public double Eta
    {
        get
        {
            var pt = Pt;
            if (pt == 0)
            {
                return Pz == 0 ? 0.0 : Pz > 0 ? double.PositiveInfinity : double.NegativeInfinity;
            }
            return Math.Asinh(Pz / pt);
        }
    }

    /// <summary>Rapidity 0.5 ln((E + Pz) / (E - Pz)); 0 when E = Pz = 0, infinite for light-like motion along the beam.</summary>
    public double Rapidity
    {
        get
        {
            if (E == 0 && Pz == 0)
            {
                return 0.0;
            }
            // Written with the transverse mass so that large rapidities keep their digits.
            var mt2 = E * E - Pz * Pz;
            if (mt2 <= 0)
            {
                return Pz > 0 ? double.PositiveInfinity : double.NegativeInfinity;
            }
            return Pz >= 0 ? Math.Log((E + Pz) / Math.Sqrt(mt2)) : -Math.Log((E - Pz) / Math.Sqrt(mt2));
        }
    }

    /// <summary>The invariant mass squared E^2 - |p|^2 (negative for space-like vectors).</summary>
    public double Mass2
    {
        get
        {
            var p = P;
            return (E - p) * (E + p);
        }
    }

    /// <summary>The invariant mass, signed: -sqrt(-m^2) when m^2 &lt; 0.</summary>
    public double Mass => SignedRoot(Mass2);

    /// <summary>Transverse mass sqrt(E^2 - Pz^2), signed like <see cref="Mass"/>.</summary>
    public double Mt => SignedRoot((E - Pz) * (E + Pz));

    /// <summary>Transverse energy E Pt / P (0 for the zero vector).</summary>
    public double Et
    {
        get
        {
            var p = P;
            return p == 0 ? 0.0 : E * Pt / p;
        }
    }

    /// <summary>Velocity Px/E, Py/E, Pz/E of a frame moving with this momentum.</summary>
    public ThreeVector BoostVector
    {
        get
        {
            if (E == 0)
            {
                throw new InvalidOperationException("the boost vector of a vector with zero energy is undefined");
            }
            return new ThreeVector(Px / E, Py / E, Pz / E);
        }
    }

    /// <summary>Minkowski product E1 E2 - p1 . p2.</summary>
    public double Dot(LorentzVector other) => E * other.E - Px * other.Px - Py * other.Py - Pz * other.Pz;

    /// <summary>Four-vector sum.</summary>
    public static LorentzVector operator +(LorentzVector a, LorentzVector b) =>
        new(a.Px + b.Px, a.Py + b.Py, a.Pz + b.Pz, a.E + b.E);

    /// <summary>Four-vector difference.</summary>
    public static LorentzVector operator -(LorentzVector a, LorentzVector b) =>
        new(a.Px - b.Px, a.Py - b.Py, a.Pz - b.Pz, a.E - b.E);

    /// <summary>Scaling of all four components, as an energy-scale correction does.</summary>
    public static LorentzVector operator *(double s, LorentzVector a) => new(s * a.Px, s * a.Py, s * a.Pz, s * a.E);

    /// <summary>
    /// The Lorentz boost by velocity <paramref name="beta"/> (|beta| &lt; 1): a vector at rest becomes one
    /// moving with <paramref name="beta"/>.
    /// </summary>
    public LorentzVector Boost(ThreeVector beta)
    {
        var b2 = beta.Magnitude2;
        if (!(b2 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), b2, "expected |beta| < 1");
        }
        if (b2 == 0)
        {
            return this;
        }
        var gamma = 1.0 / Math.Sqrt(1.0 - b2);
        var bp = beta.X * Px + beta.Y * Py + beta.Z * Pz;
        var gamma2 = (gamma - 1.0) / b2;
        var k = gamma2 * bp + gamma * E;
        return new LorentzVector(Px + k * beta.X, Py + k * beta.Y, Pz + k * beta.Z, gamma * (E + bp));
    }

    /// <summary>
    /// Takes this vector, given in the rest frame of <paramref name="frame"/>, to the frame where
    /// <paramref name="frame"/> has its stated momentum (typically the laboratory).
    /// Uses the frame's mass rather than beta, so that highly boosted frames keep their digits.
    /// </summary>
    public LorentzVector FromRestFrameOf(LorentzVector frame) => BoostByFrame(frame, +1.0);

    /// <summary>Takes this vector into the rest frame of <paramref name="frame"/> (the inverse of <see cref="FromRestFrameOf"/>).</summary>
    public LorentzVector ToRestFrameOf(LorentzVector frame) => BoostByFrame(frame, -1.0);

    private LorentzVector BoostByFrame(LorentzVector frame, double sign)
    {
        var m = frame.Mass;
        if (!(m > 0))
        {
            throw new ArgumentException("a rest frame needs a time-like vector with positive mass", nameof(frame));
        }
        var fx = sign * frame.Px;
        var fy = sign * frame.Py;
        var fz = sign * frame.Pz;
        var pdot = fx * Px + fy * Py + fz * Pz;
        var energy = (frame.E * E + pdot) / m;
        var k = (pdot / (frame.E + m) + E) / m;
        return new LorentzVector(Px + k * fx, Py + k * fy, Pz + k * fz, energy);
    }

    /// <summary>Azimuthal separation wrapped into [-pi, pi).</summary>
    public double DeltaPhi(LorentzVector other) => Angles.DeltaPhi(Phi, other.Phi);

    /// <summary>Separation sqrt(dEta^2 + dPhi^2) in the (eta, phi) plane.</summary>
    public double DeltaR(LorentzVector other)
    {
        var deta = Eta - other.Eta;
        var dphi = DeltaPhi(other);
        return Math.Sqrt(deta * deta + dphi * dphi);
    }

    /// <summary>Invariant mass of the sum of two vectors.</summary>
    public static double InvariantMass(LorentzVector a, LorentzVector b) => (a + b).Mass;

    /// <summary>sqrt(x) for x &gt;= 0, -sqrt(-x) otherwise: the signed masses of space-like vectors.</summary>
    internal static double SignedRoot(double x) => x >= 0 ? Math.Sqrt(x) : -Math.Sqrt(-x);

    private static (double Px, double Py, double Pz) Components(double pt, double eta, double phi)
    {
        var (sin, cos) = Math.SinCos(phi);
        return (pt * cos, pt * sin, pt * Math.Sinh(eta));
    }

    private static void CheckPt(double pt)
    {
        if (!(pt >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(pt), pt, "expected a transverse momentum >= 0");
        }
    }
}
