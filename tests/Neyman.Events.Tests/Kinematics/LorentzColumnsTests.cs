using Neyman.Core;
using Neyman.Events.Kinematics;

namespace Neyman.Events.Tests.Kinematics;

public class LorentzColumnsTests
{
    private const int Count = 1037; // not a multiple of any vector width, so the scalar tails run too

    private static (double[] Pt, double[] Eta, double[] Phi, double[] M) Objects(ulong seed)
    {
        var random = new RandomStream(seed);
        var pt = new double[Count];
        var eta = new double[Count];
        var phi = new double[Count];
        var m = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            pt[i] = random.NextExponential(30);
            eta[i] = random.NextUniform(-5, 5);
            phi[i] = random.NextUniform(-Math.PI, Math.PI);
            m[i] = i % 3 == 0 ? 0.0 : random.NextUniform(0, 10);
        }
        // Edge cases: pT = 0 (along the beam) and a massless particle at eta = 0.
        pt[0] = 0;
        eta[1] = 0;
        return (pt, eta, phi, m);
    }

    [Fact]
    public void Cartesian_and_derived_columns_match_the_scalar_vector_bit_for_bit()
    {
        var (pt, eta, phi, m) = Objects(11);
        var px = new double[Count];
        var py = new double[Count];
        var pz = new double[Count];
        var e = new double[Count];
        LorentzColumns.FromPtEtaPhiM(pt, eta, phi, m, px, py, pz, e);
        var outPt = new double[Count];
        var outEta = new double[Count];
        var outPhi = new double[Count];
        var outMass = new double[Count];
        LorentzColumns.Pt(px, py, outPt);
        LorentzColumns.Eta(px, py, pz, outEta);
        LorentzColumns.Phi(px, py, outPhi);
        LorentzColumns.Mass(px, py, pz, e, outMass);
        for (var i = 0; i < Count; i++)
        {
            var v = LorentzVector.FromPtEtaPhiM(pt[i], eta[i], phi[i], m[i]);
            Assert.Equal(v, new LorentzVector(px[i], py[i], pz[i], e[i]));
            Assert.Equal(v.Pt, outPt[i]);
            Assert.Equal(v.Eta, outEta[i]);
            Assert.Equal(v.Phi, outPhi[i]);
            Assert.Equal(v.Mass, outMass[i]);
            // And the round trip recovers the inputs to rounding.
            Assert.Equal(pt[i], outPt[i], 1e-12 * (1 + pt[i]));
        }
        Assert.Equal(0.0, outEta[0]); // pT = 0 and pz = 0: the zero vector
    }

    [Fact]
    public void Pair_and_triple_masses_match_the_scalar_sum()
    {
        var (pt1, eta1, phi1, m1) = Objects(21);
        var (pt2, eta2, phi2, m2) = Objects(22);
        var (pt3, eta3, phi3, m3) = Objects(23);
        var pair = new double[Count];
        var triple = new double[Count];
        LorentzColumns.InvariantMass(pt1, eta1, phi1, m1, pt2, eta2, phi2, m2, pair);
        LorentzColumns.InvariantMass(pt1, eta1, phi1, m1, pt2, eta2, phi2, m2, pt3, eta3, phi3, m3, triple);
        for (var i = 0; i < Count; i++)
        {
            var a = LorentzVector.FromPtEtaPhiM(pt1[i], eta1[i], phi1[i], m1[i]);
            var b = LorentzVector.FromPtEtaPhiM(pt2[i], eta2[i], phi2[i], m2[i]);
            var c = LorentzVector.FromPtEtaPhiM(pt3[i], eta3[i], phi3[i], m3[i]);
            Assert.Equal(LorentzVector.InvariantMass(a, b), pair[i]);
            Assert.Equal((a + b + c).Mass, triple[i]);
        }
    }

    [Fact]
    public void Pair_mass_of_back_to_back_massless_objects_is_twice_the_energy()
    {
        double[] pt = [10, 45.5];
        double[] zero = [0, 0];
        double[] phi1 = [0.3, -3.0];
        double[] phi2 = [0.3 - Math.PI, -3.0 + Math.PI];
        var mass = new double[2];
        LorentzColumns.InvariantMass(pt, zero, phi1, zero, pt, zero, phi2, zero, mass);
        Assert.Equal(20.0, mass[0], 1e-12);
        Assert.Equal(91.0, mass[1], 1e-12);
    }

    [Fact]
    public void DeltaPhi_and_DeltaR_columns_match_the_scalar_vector()
    {
        var (pt1, eta1, phi1, m1) = Objects(31);
        var (pt2, eta2, phi2, m2) = Objects(32);
        phi1[2] = Math.PI;
        phi2[2] = 0; // wraps to -pi
        var dphi = new double[Count];
        var dr = new double[Count];
        LorentzColumns.DeltaPhi(phi1, phi2, dphi);
        LorentzColumns.DeltaR(eta1, phi1, eta2, phi2, dr);
        Assert.Equal(-Math.PI, dphi[2]);
        for (var i = 3; i < Count; i++)
        {
            var a = LorentzVector.FromPtEtaPhiM(pt1[i], eta1[i], phi1[i], m1[i]);
            var b = LorentzVector.FromPtEtaPhiM(pt2[i], eta2[i], phi2[i], m2[i]);
            // The vectors re-derive eta and phi from components, so agreement is to rounding, not bits.
            Assert.Equal(a.DeltaPhi(b), dphi[i], 1e-12);
            Assert.Equal(a.DeltaR(b), dr[i], 1e-11);
            Assert.Equal(Angles.DeltaPhi(phi1[i], phi2[i]), dphi[i]);
        }
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        var three = new double[3];
        var two = new double[2];
        Assert.Throws<ArgumentException>(() => LorentzColumns.Pt(three, two, new double[3]));
        Assert.Throws<ArgumentException>(() => LorentzColumns.DeltaPhi(three, three, new double[2]));
        Assert.Throws<ArgumentException>(() =>
            LorentzColumns.FromPtEtaPhiM(three, three, three, three, three, three, three, new double[4]));
    }
}
