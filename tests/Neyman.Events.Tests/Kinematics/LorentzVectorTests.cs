using Neyman.Events.Kinematics;

namespace Neyman.Events.Tests.Kinematics;

public class LorentzVectorTests
{
    private const double ZMass = 91.1876;
    private const double PionMass = 0.13957039;

    [Fact]
    public void Pythagorean_vector_has_closed_form_quantities()
    {
        // (3, 4, 12, 13): pT = 5, |p| = 13, massless, eta = asinh(12/5) = ln 5, mT = sqrt(169 - 144) = 5.
        var v = new LorentzVector(3, 4, 12, 13);
        Assert.Equal(5.0, v.Pt);
        Assert.Equal(25.0, v.Pt2);
        Assert.Equal(13.0, v.P);
        Assert.Equal(0.0, v.Mass);
        Assert.Equal(5.0, v.Mt);
        Assert.Equal(Math.Atan2(4, 3), v.Phi);
        Assert.Equal(Math.Log(5), v.Eta, 1e-15);
        Assert.Equal(Math.Log(5), v.Rapidity, 1e-15);
        Assert.Equal(13.0 * 5.0 / 13.0, v.Et);
    }

    [Fact]
    public void FromPtEtaPhiM_reproduces_cartesian_components()
    {
        var v = LorentzVector.FromPtEtaPhiM(5, Math.Log(5), Math.Atan2(4, 3), 0);
        Assert.Equal(3.0, v.Px, 1e-14);
        Assert.Equal(4.0, v.Py, 1e-14);
        Assert.Equal(12.0, v.Pz, 1e-13);
        Assert.Equal(13.0, v.E, 1e-13);

        var massive = LorentzVector.FromPtEtaPhiM(30, -1.2, 2.5, 4.18);
        Assert.Equal(30.0, massive.Pt, 1e-13);
        Assert.Equal(-1.2, massive.Eta, 1e-14);
        Assert.Equal(2.5, massive.Phi, 1e-15);
        Assert.Equal(4.18, massive.Mass, 1e-12);
        // E^2 = pT^2 cosh^2(eta) + m^2.
        Assert.Equal(Math.Sqrt(900 * Math.Cosh(-1.2) * Math.Cosh(-1.2) + 4.18 * 4.18), massive.E, 1e-12);
    }

    [Fact]
    public void FromPtEtaPhiE_and_FromPxPyPzM_set_the_energy()
    {
        var v = LorentzVector.FromPtEtaPhiE(5, Math.Log(5), Math.Atan2(4, 3), 14);
        Assert.Equal(14.0, v.E);
        Assert.Equal(Math.Sqrt(14.0 * 14.0 - 13.0 * 13.0), v.Mass, 1e-12);

        var w = LorentzVector.FromPxPyPzM(1, 2, 2, 4);
        Assert.Equal(5.0, w.E);
        Assert.Equal(4.0, w.Mass);
        Assert.Equal(w, LorentzVector.FromMomentumAndMass(new ThreeVector(1, 2, 2), 4));
    }

    [Fact]
    public void Factories_reject_negative_pt_and_mass()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LorentzVector.FromPtEtaPhiM(-1, 0, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LorentzVector.FromPtEtaPhiM(1, 0, 0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LorentzVector.FromPtEtaPhiM(1, 0, 0, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => LorentzVector.FromPtEtaPhiE(double.NaN, 0, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LorentzVector.FromPxPyPzM(1, 0, 0, -0.1));
    }

    [Fact]
    public void Back_to_back_massless_pair_has_mass_twice_the_energy()
    {
        const double energy = 45.5;
        var a = LorentzVector.FromPtEtaPhiM(energy, 0, 0.7, 0);
        var b = LorentzVector.FromPtEtaPhiM(energy, 0, 0.7 - Math.PI, 0);
        Assert.Equal(2 * energy, LorentzVector.InvariantMass(a, b), 1e-12);
        Assert.Equal(Math.PI, Math.Abs(a.DeltaPhi(b)), 1e-15);

        var alongBeam = new LorentzVector(0, 0, energy, energy) + new LorentzVector(0, 0, -energy, energy);
        Assert.Equal(2 * energy, alongBeam.Mass);
    }

    [Fact]
    public void Z_decay_at_rest_boosted_along_z_gives_closed_form_energies()
    {
        const double pz = 100.0;
        var z = LorentzVector.FromPxPyPzM(0, 0, pz, ZMass);
        var ez = Math.Sqrt(pz * pz + ZMass * ZMass);
        // Leptons along +z and -z in the rest frame: E = (E_Z +- p_Z) / 2 in the laboratory.
        var forward = new LorentzVector(0, 0, ZMass / 2, ZMass / 2).FromRestFrameOf(z);
        var backward = new LorentzVector(0, 0, -ZMass / 2, ZMass / 2).FromRestFrameOf(z);
        Assert.Equal((ez + pz) / 2, forward.E, 1e-12);
        Assert.Equal((ez + pz) / 2, forward.Pz, 1e-12);
        Assert.Equal((ez - pz) / 2, backward.E, 1e-12);
        Assert.Equal(-(ez - pz) / 2, backward.Pz, 1e-12);
        // Transverse decay: px unchanged, E = gamma m/2 = E_Z / 2, pz = gamma beta m/2 = p_Z / 2.
        var transverse = new LorentzVector(ZMass / 2, 0, 0, ZMass / 2).FromRestFrameOf(z);
        Assert.Equal(ZMass / 2, transverse.Px, 1e-12);
        Assert.Equal(ez / 2, transverse.E, 1e-12);
        Assert.Equal(pz / 2, transverse.Pz, 1e-12);
        Assert.Equal(ZMass, LorentzVector.InvariantMass(forward, backward), 1e-11);
        // The velocity boost gives the same vector.
        var viaBeta = new LorentzVector(0, 0, ZMass / 2, ZMass / 2).Boost(z.BoostVector);
        Assert.Equal(forward.E, viaBeta.E, 1e-12);
        Assert.Equal(forward.Pz, viaBeta.Pz, 1e-12);
    }

    [Fact]
    public void Boost_then_inverse_boost_returns_the_vector()
    {
        var random = new Neyman.Core.RandomStream(20261123);
        for (var trial = 0; trial < 200; trial++)
        {
            var v = LorentzVector.FromPxPyPzM(
                random.NextUniform(-50, 50), random.NextUniform(-50, 50), random.NextUniform(-50, 50), random.NextUniform(0, 20));
            var beta = 0.95 * ThreeVector.FromCosThetaPhi(random.NextUniform(-1, 1), random.NextUniform(-Math.PI, Math.PI));
            var back = v.Boost(beta).Boost(-beta);
            AssertClose(v, back, 1e-12);

            var frame = LorentzVector.FromPxPyPzM(random.NextUniform(-200, 200), random.NextUniform(-200, 200),
                random.NextUniform(-200, 200), random.NextUniform(100, 200));
            // A round trip through a rest frame passes through components of size gamma E, so it keeps
            // about eps gamma^2 relative; gamma stays below 4 here.
            AssertClose(v, v.ToRestFrameOf(frame).FromRestFrameOf(frame), 1e-12);
            // Invariants: the mass and the Minkowski product with another vector survive a boost.
            // m^2 is a difference of squares of the boosted energy and momentum: it keeps eps E'^2 absolutely.
            var boosted = v.FromRestFrameOf(frame);
            Assert.Equal(v.Mass2, boosted.Mass2, 1e-14 * boosted.E * boosted.E);
            Assert.Equal(v.Dot(frame), v.Boost(beta).Dot(frame.Boost(beta)), 1e-8 * Math.Abs(v.Dot(frame)) + 1e-9);
        }
    }

    [Fact]
    public void A_frame_taken_to_its_own_rest_frame_is_at_rest()
    {
        var frame = LorentzVector.FromPxPyPzM(30, -40, 120, 125);
        var rest = frame.ToRestFrameOf(frame);
        Assert.Equal(125.0, rest.E, 1e-12);
        Assert.Equal(0.0, rest.P, 1e-12);
    }

    [Fact]
    public void Highly_boosted_pion_keeps_its_mass_through_FromRestFrameOf()
    {
        foreach (var gamma in new[] { 1e4, 1e5 })
        {
            var p = PionMass * Math.Sqrt(gamma * gamma - 1);
            var frame = LorentzVector.FromPxPyPzM(0, 0, p, PionMass);
            // Storing E = sqrt(p^2 + m^2) rounds E by eps E, which moves m^2 = (E - p)(E + p) by about
            // 2 eps gamma^2 m^2: that much of the mass is lost by the representation itself, not by the boost.
            var representable = 4.5e-16 * gamma * gamma;
            Assert.Equal(PionMass, frame.Mass, representable * PionMass);

            // A pion at rest with the frame's own mass, boosted by the frame, reproduces the frame to rounding.
            var pion = new LorentzVector(0, 0, 0, frame.Mass).FromRestFrameOf(frame);
            Assert.Equal(frame.E, pion.E, 1e-15 * frame.E);
            Assert.Equal(frame.Pz, pion.Pz, 1e-15 * frame.E);
            Assert.Equal(frame.Mass, pion.Mass, 1e-9 * frame.Mass);
            Assert.Equal(gamma * PionMass, pion.E, representable * pion.E);

            // pi0 -> gamma gamma at rest, transverse to the boost: each photon gets E_frame / 2 and the pair keeps the mass.
            var half = frame.Mass / 2;
            var photon1 = new LorentzVector(half, 0, 0, half).FromRestFrameOf(frame);
            var photon2 = new LorentzVector(-half, 0, 0, half).FromRestFrameOf(frame);
            Assert.Equal(frame.E / 2, photon1.E, 1e-15 * frame.E);
            Assert.Equal(half, photon1.Px, 1e-15 * half);
            Assert.Equal(frame.Mass, LorentzVector.InvariantMass(photon1, photon2), 1e-9 * frame.Mass);
            Assert.Equal(Math.Log(2 * gamma), pion.Rapidity, 1e-6);
        }
    }

    [Fact]
    public void Boost_rejects_superluminal_velocity_and_rest_frame_needs_positive_mass()
    {
        var v = new LorentzVector(1, 2, 3, 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => v.Boost(new ThreeVector(0.6, 0.8, 0)));
        Assert.Equal(v, v.Boost(new ThreeVector(0, 0, 0)));
        Assert.Throws<ArgumentException>(() => v.FromRestFrameOf(new LorentzVector(0, 0, 5, 5)));
        Assert.Throws<InvalidOperationException>(() => new LorentzVector(1, 0, 0, 0).BoostVector);
    }

    [Fact]
    public void Eta_and_phi_along_the_beam()
    {
        Assert.Equal(double.PositiveInfinity, new LorentzVector(0, 0, 5, 5).Eta);
        Assert.Equal(double.NegativeInfinity, new LorentzVector(0, 0, -5, 5).Eta);
        Assert.Equal(0.0, LorentzVector.Zero.Eta);
        Assert.Equal(0.0, new LorentzVector(0, 0, 5, 5).Phi);
        Assert.Equal(0.0, new LorentzVector(0, 0, 5, 5).Pt);
        Assert.Equal(double.PositiveInfinity, new LorentzVector(0, 0, 5, 5).Rapidity);
        Assert.Equal(double.NegativeInfinity, new LorentzVector(0, 0, -5, 5).Rapidity);
        Assert.Equal(0.0, LorentzVector.Zero.Rapidity);
        // A massive particle along the beam has a finite rapidity 0.5 ln((E + pz) / (E - pz)).
        Assert.Equal(0.5 * Math.Log(9.0), new LorentzVector(0, 0, 4, 5).Rapidity, 1e-15);
        Assert.Equal(-0.5 * Math.Log(9.0), new LorentzVector(0, 0, -4, 5).Rapidity, 1e-15);
    }

    [Fact]
    public void Rapidity_equals_eta_for_massless_and_is_smaller_for_massive()
    {
        foreach (var eta in new[] { -4.5, -1.0, 0.0, 0.3, 2.5, 8.0 })
        {
            var massless = LorentzVector.FromPtEtaPhiM(20, eta, 1.0, 0);
            Assert.Equal(eta, massless.Rapidity, 1e-12);
            var massive = LorentzVector.FromPtEtaPhiM(20, eta, 1.0, 10);
            Assert.True(Math.Abs(massive.Rapidity) <= Math.Abs(eta));
            // y = asinh(pT sinh(eta) / mT) with mT = sqrt(pT^2 + m^2).
            // E^2 - pz^2 = mT^2 cancels: the rounding of E costs about eps E^2 / mT^2 in y.
            var cancellation = 4e-16 * massive.E * massive.E / 500;
            Assert.Equal(Math.Asinh(20 * Math.Sinh(eta) / Math.Sqrt(500)), massive.Rapidity, 1e-14 + cancellation);
        }
    }

    [Fact]
    public void Space_like_vectors_have_negative_signed_mass()
    {
        var v = new LorentzVector(0, 0, 5, 3);
        Assert.Equal(-16.0, v.Mass2);
        Assert.Equal(-4.0, v.Mass);
        Assert.Equal(-4.0, v.Mt);

        // Massless built from rounded components: m^2 may come out a hair below 0, and the mass stays tiny.
        var p = new LorentzVector(0.1, 0.2, 0.3, 0);
        var rounded = p with { E = Math.BitDecrement(p.P) };
        Assert.True(rounded.Mass2 < 0);
        Assert.True(rounded.Mass < 0 && rounded.Mass > -1e-7);
    }

    [Fact]
    public void DeltaPhi_is_wrapped_into_half_open_interval()
    {
        Assert.Equal(-Math.PI, Angles.DeltaPhi(Math.PI, 0));
        Assert.Equal(-Math.PI, Angles.DeltaPhi(0, Math.PI));
        Assert.Equal(0.0, Angles.DeltaPhi(Math.PI, -Math.PI));
        Assert.Equal(6.2 - 2 * Math.PI, Angles.DeltaPhi(3.1, -3.1), 1e-15);
        Assert.Equal(2 * Math.PI - 6.2, Angles.DeltaPhi(-3.1, 3.1), 1e-15);
        Assert.Equal(0.5, Angles.DeltaPhi(0.7, 0.2), 1e-15);
        Assert.Equal(-Math.PI, Angles.WrapPhi(3 * Math.PI));
        Assert.Equal(1.0, Angles.WrapPhi(1.0 + 20 * Math.PI), 1e-13);
        var random = new Neyman.Core.RandomStream(7);
        for (var i = 0; i < 1000; i++)
        {
            var wrapped = Angles.WrapPhi(random.NextUniform(-100, 100));
            Assert.InRange(wrapped, -Math.PI, Math.BitDecrement(Math.PI));
        }
    }

    [Fact]
    public void DeltaR_combines_eta_and_wrapped_phi()
    {
        var a = LorentzVector.FromPtEtaPhiM(40, 0.5, 3.0, 0);
        var b = LorentzVector.FromPtEtaPhiM(25, -0.7, -3.0, 0);
        var dphi = 6.0 - 2 * Math.PI;
        Assert.Equal(dphi, a.DeltaPhi(b), 1e-12);
        Assert.Equal(Math.Sqrt(1.2 * 1.2 + dphi * dphi), a.DeltaR(b), 1e-12);
        Assert.Equal(a.DeltaR(b), b.DeltaR(a), 1e-15);
    }

    [Fact]
    public void Arithmetic_and_dot_product()
    {
        var a = new LorentzVector(1, 2, 3, 10);
        var b = new LorentzVector(-4, 5, 0.5, 7);
        Assert.Equal(new LorentzVector(-3, 7, 3.5, 17), a + b);
        Assert.Equal(new LorentzVector(5, -3, 2.5, 3), a - b);
        Assert.Equal(new LorentzVector(2, 4, 6, 20), 2 * a);
        Assert.Equal(70 - (-4 + 10 + 1.5), a.Dot(b));
        Assert.Equal(a.Mass2, a.Dot(a), 1e-12);
        Assert.Equal(new ThreeVector(1, 2, 3), a.Momentum);
        Assert.Equal(new ThreeVector(0.1, 0.2, 0.3), a.BoostVector);
    }

    private static void AssertClose(LorentzVector expected, LorentzVector actual, double relative)
    {
        var scale = Math.Max(1.0, Math.Abs(expected.E));
        Assert.Equal(expected.Px, actual.Px, relative * scale);
        Assert.Equal(expected.Py, actual.Py, relative * scale);
        Assert.Equal(expected.Pz, actual.Pz, relative * scale);
        Assert.Equal(expected.E, actual.E, relative * scale);
    }
}
