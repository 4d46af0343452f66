using CsCheck;
using Neyman.Events.Kinematics;

namespace Neyman.Events.Tests.Kinematics;

public class LorentzVectorPropertyTests
{
    // All cases are drawn up front from one fixed CsCheck seed (Sample would start from fresh random
    // seeds after the first iteration), so every run checks the same vectors.
    private static readonly string Seed = new PCG(7, 20261123).ToString();

    private static T[] Cases<T>(Gen<T> gen) => gen.Array[2000].Single(_ => true, Seed);

    private static readonly Gen<LorentzVector> Vectors =
        Gen.Select(Gen.Double[0, 200], Gen.Double[-5, 5], Gen.Double[-Math.PI, Math.PI], Gen.Double[0, 100])
            .Select((pt, eta, phi, m) => LorentzVector.FromPtEtaPhiM(pt, eta, phi, m));

    [Fact]
    public void Cases_are_the_same_on_every_draw()
    {
        var first = Cases(Vectors);
        Assert.Equal(2000, first.Length);
        Assert.Equal(first, Cases(Vectors));
        Assert.True(first.Distinct().Count() > 100, "the generator should give varied vectors");
    }

    [Fact]
    public void Boost_round_trip_and_invariants_hold_for_any_vector()
    {
        foreach (var (v, bx, by, bz) in Cases(Gen.Select(Vectors, Gen.Double[-0.9, 0.9], Gen.Double[-0.9, 0.9], Gen.Double[-0.4, 0.4])))
        {
            var beta = new ThreeVector(bx, by, bz);
            if (beta.Magnitude2 >= 0.81)
            {
                continue;
            }
            var boosted = v.Boost(beta);
            var back = boosted.Boost(-beta);
            var scale = 1e-12 * Math.Max(1.0, v.E);
            Assert.Equal(v.Px, back.Px, scale);
            Assert.Equal(v.Py, back.Py, scale);
            Assert.Equal(v.Pz, back.Pz, scale);
            Assert.Equal(v.E, back.E, scale);
            Assert.Equal(v.Mass2, boosted.Mass2, 1e-13 * boosted.E * boosted.E + 1e-12);
        }
    }

    [Fact]
    public void Cartesian_round_trip_recovers_pt_eta_phi_and_mass()
    {
        foreach (var (pt, eta, phi, m) in Cases(
            Gen.Select(Gen.Double[0.1, 200], Gen.Double[-5, 5], Gen.Double[-Math.PI, Math.PI], Gen.Double[0.5, 100])))
        {
            var v = LorentzVector.FromPtEtaPhiM(pt, eta, phi, m);
            Assert.Equal(pt, v.Pt, 1e-13 * pt);
            Assert.Equal(eta, v.Eta, 1e-12);
            Assert.Equal(0.0, Angles.DeltaPhi(phi, v.Phi), 1e-14);
            // m^2 = (E - p)(E + p) with E and p each rounded once: about 4 eps E^2 absolutely.
            Assert.Equal(m * m, v.Mass2, 1e-15 * v.E * v.E + 1e-12);
            Assert.InRange(v.DeltaPhi(v), 0.0, 0.0);
        }
    }
}
