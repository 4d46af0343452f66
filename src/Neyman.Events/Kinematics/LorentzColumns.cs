using System.Numerics.Tensors;

namespace Neyman.Events.Kinematics;

/// <summary>
/// Four-vector quantities over columns (spans), for bulk feature computation. Every element is computed
/// with the same formula as <see cref="LorentzVector"/>, so a column result equals the scalar result bit for bit.
/// All input spans of one call must have the length of the destination.
/// </summary>
public static class LorentzColumns
{
    /// <summary>Transverse momentum sqrt(px^2 + py^2).</summary>
    public static void Pt(ReadOnlySpan<double> px, ReadOnlySpan<double> py, Span<double> pt)
    {
        CheckLengths(pt.Length, px.Length, py.Length);
        // Multiply, add and square root are correctly rounded, so the vectorized path matches the scalar one.
        TensorPrimitives.Multiply(px, px, pt);
        for (var i = 0; i < pt.Length; i++)
        {
            pt[i] += py[i] * py[i];
        }
        TensorPrimitives.Sqrt(pt, pt);
    }

    /// <summary>Pseudorapidity, as <see cref="LorentzVector.Eta"/> (infinite along the beam).</summary>
    public static void Eta(ReadOnlySpan<double> px, ReadOnlySpan<double> py, ReadOnlySpan<double> pz, Span<double> eta)
    {
        CheckLengths(eta.Length, px.Length, py.Length, pz.Length);
        for (var i = 0; i < eta.Length; i++)
        {
            eta[i] = new LorentzVector(px[i], py[i], pz[i], 0.0).Eta;
        }
    }

    /// <summary>Azimuth, as <see cref="LorentzVector.Phi"/>.</summary>
    public static void Phi(ReadOnlySpan<double> px, ReadOnlySpan<double> py, Span<double> phi)
    {
        CheckLengths(phi.Length, px.Length, py.Length);
        for (var i = 0; i < phi.Length; i++)
        {
            phi[i] = new LorentzVector(px[i], py[i], 0.0, 0.0).Phi;
        }
    }

    /// <summary>Signed invariant mass, as <see cref="LorentzVector.Mass"/>.</summary>
    public static void Mass(
        ReadOnlySpan<double> px, ReadOnlySpan<double> py, ReadOnlySpan<double> pz, ReadOnlySpan<double> e, Span<double> mass)
    {
        CheckLengths(mass.Length, px.Length, py.Length, pz.Length, e.Length);
        for (var i = 0; i < mass.Length; i++)
        {
            mass[i] = new LorentzVector(px[i], py[i], pz[i], e[i]).Mass;
        }
    }

    /// <summary>Cartesian components from (pt, eta, phi, m) columns, as <see cref="LorentzVector.FromPtEtaPhiM"/>.</summary>
    public static void FromPtEtaPhiM(
        ReadOnlySpan<double> pt, ReadOnlySpan<double> eta, ReadOnlySpan<double> phi, ReadOnlySpan<double> mass,
        Span<double> px, Span<double> py, Span<double> pz, Span<double> e)
    {
        CheckLengths(px.Length, pt.Length, eta.Length, phi.Length, mass.Length, py.Length, pz.Length, e.Length);
        for (var i = 0; i < px.Length; i++)
        {
            var v = LorentzVector.FromPtEtaPhiM(pt[i], eta[i], phi[i], mass[i]);
            px[i] = v.Px;
            py[i] = v.Py;
            pz[i] = v.Pz;
            e[i] = v.E;
        }
    }

    /// <summary>Invariant mass of the sum of two objects, each given as (pt, eta, phi, m) columns.</summary>
    public static void InvariantMass(
        ReadOnlySpan<double> pt1, ReadOnlySpan<double> eta1, ReadOnlySpan<double> phi1, ReadOnlySpan<double> mass1,
        ReadOnlySpan<double> pt2, ReadOnlySpan<double> eta2, ReadOnlySpan<double> phi2, ReadOnlySpan<double> mass2,
        Span<double> mass)
    {
        CheckLengths(mass.Length, pt1.Length, eta1.Length, phi1.Length, mass1.Length);
        CheckLengths(mass.Length, pt2.Length, eta2.Length, phi2.Length, mass2.Length);
        for (var i = 0; i < mass.Length; i++)
        {
            var a = LorentzVector.FromPtEtaPhiM(pt1[i], eta1[i], phi1[i], mass1[i]);
            var b = LorentzVector.FromPtEtaPhiM(pt2[i], eta2[i], phi2[i], mass2[i]);
            mass[i] = (a + b).Mass;
        }
    }

    /// <summary>Invariant mass of the sum of three objects, each given as (pt, eta, phi, m) columns.</summary>
    public static void InvariantMass(
        ReadOnlySpan<double> pt1, ReadOnlySpan<double> eta1, ReadOnlySpan<double> phi1, ReadOnlySpan<double> mass1,
        ReadOnlySpan<double> pt2, ReadOnlySpan<double> eta2, ReadOnlySpan<double> phi2, ReadOnlySpan<double> mass2,
        ReadOnlySpan<double> pt3, ReadOnlySpan<double> eta3, ReadOnlySpan<double> phi3, ReadOnlySpan<double> mass3,
        Span<double> mass)
    {
        CheckLengths(mass.Length, pt1.Length, eta1.Length, phi1.Length, mass1.Length);
        CheckLengths(mass.Length, pt2.Length, eta2.Length, phi2.Length, mass2.Length);
        CheckLengths(mass.Length, pt3.Length, eta3.Length, phi3.Length, mass3.Length);
        for (var i = 0; i < mass.Length; i++)
        {
            var a = LorentzVector.FromPtEtaPhiM(pt1[i], eta1[i], phi1[i], mass1[i]);
            var b = LorentzVector.FromPtEtaPhiM(pt2[i], eta2[i], phi2[i], mass2[i]);
            var c = LorentzVector.FromPtEtaPhiM(pt3[i], eta3[i], phi3[i], mass3[i]);
            mass[i] = (a + b + c).Mass;
        }
    }

    /// <summary>Azimuthal separation phi1 - phi2 wrapped into [-pi, pi).</summary>
    public static void DeltaPhi(ReadOnlySpan<double> phi1, ReadOnlySpan<double> phi2, Span<double> deltaPhi)
    {
        CheckLengths(deltaPhi.Length, phi1.Length, phi2.Length);
        for (var i = 0; i < deltaPhi.Length; i++)
        {
            deltaPhi[i] = Angles.DeltaPhi(phi1[i], phi2[i]);
        }
    }

    /// <summary>Separation sqrt(dEta^2 + dPhi^2) in the (eta, phi) plane.</summary>
    public static void DeltaR(
        ReadOnlySpan<double> eta1, ReadOnlySpan<double> phi1, ReadOnlySpan<double> eta2, ReadOnlySpan<double> phi2,
        Span<double> deltaR)
    {
        CheckLengths(deltaR.Length, eta1.Length, phi1.Length, eta2.Length, phi2.Length);
        for (var i = 0; i < deltaR.Length; i++)
        {
            var deta = eta1[i] - eta2[i];
            var dphi = Angles.DeltaPhi(phi1[i], phi2[i]);
            deltaR[i] = Math.Sqrt(deta * deta + dphi * dphi);
        }
    }

    private static void CheckLengths(int expected, params ReadOnlySpan<int> lengths)
    {
        foreach (var length in lengths)
        {
            if (length != expected)
            {
                throw new ArgumentException($"column lengths differ: expected {expected} elements, got {length}");
            }
        }
    }
}
