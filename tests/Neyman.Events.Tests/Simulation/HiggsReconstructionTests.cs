using Neyman.Events.Kinematics;
using Neyman.Events.Simulation;

namespace Neyman.Events.Tests.Simulation;

public sealed class HiggsReconstructionTests
{
    [Theory]
    [InlineData(0.2, 0.5)]
    [InlineData(-0.7, 2.0)]
    [InlineData(0.9, -1.0)]
    public void The_W_mass_constraint_recovers_the_neutrino_pz_or_the_other_root(double cosTheta, double phi)
    {
        var w = LorentzVector.FromPtEtaPhiM(60, 0.8, 0.3, ParticleData.WMass);
        var (lepton, neutrino) = TwoBodyDecay.Decay(w, ParticleData.WMass, 0, 0, cosTheta, phi);

        var pz = HiggsReconstruction.NeutrinoPz(lepton, neutrino.Px, neutrino.Py);

        // Either root gives the W mass; the true p_z is one of the two roots, and the chosen one has the smaller |p_z|.
        var rebuilt = new LorentzVector(neutrino.Px, neutrino.Py, pz, Math.Sqrt(neutrino.Pt2 + pz * pz));
        Assert.Equal(ParticleData.WMass, (lepton + rebuilt).Mass, 6);
        if (Math.Abs(pz - neutrino.Pz) > 1e-6)
        {
            Assert.True(Math.Abs(pz) < Math.Abs(neutrino.Pz));
        }
    }

    [Fact]
    public void An_imaginary_root_gives_its_real_part()
    {
        // Back-to-back lepton and neutrino with large pT: transverse mass above mW, no real solution.
        var lepton = new LorentzVector(100, 0, 50, Math.Sqrt(100 * 100 + 50 * 50));
        var pz = HiggsReconstruction.NeutrinoPz(lepton, -100, 0);
        var mu = 0.5 * ParticleData.WMass * ParticleData.WMass + 100 * -100;
        Assert.Equal(mu * 50 / (100 * 100), pz, 10);
    }

    [Fact]
    public void Jets_are_assigned_by_tags_and_the_W_mass_and_the_masses_follow()
    {
        // A t tbar-like event: jets 0 and 2 are tagged b jets, jets 1 and 3 form a W.
        var b1 = LorentzVector.FromPtEtaPhiM(90, 0.1, 0.2, 4.78);
        var q1 = LorentzVector.FromPtEtaPhiM(70, -0.5, 1.9, 0);
        var b2 = LorentzVector.FromPtEtaPhiM(60, 1.0, -2.0, 4.78);
        var q2 = LorentzVector.FromPtEtaPhiM(40, -1.2, 2.9, 0);
        var lepton = LorentzVector.FromPtEtaPhiM(45, 0.3, -1.1, 0);
        var neutrino = LorentzVector.FromPtEtaPhiM(35, -0.4, -0.6, 0);
        LorentzVector[] jets = [b1, q1, b2, q2];
        bool[] tags = [true, false, true, false];
        var masses = new double[7];

        HiggsReconstruction.HighLevelMasses(lepton, neutrino, jets, tags, masses);

        var w = q1 + q2;
        var hadronicB = Math.Abs((w + b1).Mass - ParticleData.TopMass) <= Math.Abs((w + b2).Mass - ParticleData.TopMass) ? b1 : b2;
        var leptonicB = hadronicB == b1 ? b2 : b1;
        Assert.Equal(w.Mass, masses[0], 10);
        Assert.Equal((w + hadronicB).Mass, masses[1], 10);
        Assert.Equal((lepton + neutrino).Mass, masses[2], 10);
        Assert.Equal((lepton + neutrino + leptonicB).Mass, masses[3], 10);
        Assert.Equal((b1 + b2).Mass, masses[4], 10);
        Assert.Equal((w + b1 + b2).Mass, masses[5], 10);
        Assert.Equal((w + b1 + b2 + lepton + neutrino).Mass, masses[6], 10);
    }

    [Fact]
    public void Without_tags_the_pair_closest_to_the_W_mass_is_the_W()
    {
        var j0 = LorentzVector.FromPtEtaPhiM(100, 0, 0, 0);
        var j1 = LorentzVector.FromPtEtaPhiM(80, 0.5, 2.5, 0);
        var j2 = LorentzVector.FromPtEtaPhiM(50, -0.3, 1.0, 0);
        var j3 = LorentzVector.FromPtEtaPhiM(30, 1.5, -1.0, 0);
        LorentzVector[] jets = [j0, j1, j2, j3];
        var closest = double.PositiveInfinity;
        for (var i = 0; i < 4; i++)
        {
            for (var k = i + 1; k < 4; k++)
            {
                var m = (jets[i] + jets[k]).Mass;
                closest = Math.Abs(m - ParticleData.WMass) < Math.Abs(closest - ParticleData.WMass) ? m : closest;
            }
        }
        var masses = new double[7];

        HiggsReconstruction.HighLevelMasses(j0, j0, jets, new bool[4], masses);

        Assert.Equal(closest, masses[0], 10);
    }

    [Fact]
    public void Fewer_tags_win_over_any_mass_difference()
    {
        // The two untagged jets make a 1.5 TeV pair; a tagged jet with an untagged one would make a W almost exactly.
        var q1 = LorentzVector.FromPtEtaPhiM(750, 0, 0, 0);
        var q2 = LorentzVector.FromPtEtaPhiM(750, 0, Math.PI - 1e-3, 0);
        var b1 = LorentzVector.FromPtEtaPhiM(40, 0, 1.2, 4.78);
        var b2 = LorentzVector.FromPtEtaPhiM(30, 1.5, -1.0, 4.78);
        LorentzVector[] jets = [q1, b1, q2, b2];
        var masses = new double[7];

        HiggsReconstruction.HighLevelMasses(b1, b2, jets, [false, true, false, true], masses);

        Assert.Equal((q1 + q2).Mass, masses[0], 9);
        Assert.Equal((b1 + b2).Mass, masses[4], 9);
    }

    [Fact]
    public void With_three_tags_the_untagged_jet_is_in_the_w()
    {
        var j0 = LorentzVector.FromPtEtaPhiM(100, 0, 0, 4.78);
        var j1 = LorentzVector.FromPtEtaPhiM(80, 0.5, 2.5, 4.78);
        var j2 = LorentzVector.FromPtEtaPhiM(50, -0.3, 1.0, 0);
        var j3 = LorentzVector.FromPtEtaPhiM(30, 1.5, -1.0, 4.78);
        LorentzVector[] jets = [j0, j1, j2, j3];
        var expected = new[] { j0, j1, j3 }.Select(b => (b + j2).Mass).MinBy(m => Math.Abs(m - ParticleData.WMass));
        var masses = new double[7];

        HiggsReconstruction.HighLevelMasses(j0, j0, jets, [true, true, false, true], masses);

        Assert.Equal(expected, masses[0], 9);
    }
}
