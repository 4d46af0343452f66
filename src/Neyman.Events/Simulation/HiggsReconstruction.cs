using System.Runtime.CompilerServices;
using Neyman.Events.Kinematics;

namespace Neyman.Events.Simulation;

/// <summary>
/// The reconstruction of the <c>higgs</c> benchmark's high-level features from detector objects: the neutrino's
/// longitudinal momentum from the W mass constraint, the assignment of the four leading jets to the hadronic W and the
/// two b candidates, and the seven invariant masses m_jj, m_jjj, m_lv, m_jlv, m_bb, m_wbb, m_wwbb.
/// </summary>
public static class HiggsReconstruction
{
    /// <summary>The number of high-level masses.</summary>
    public const int MassCount = 7;

    // A tagged jet in the W candidate costs more than any mass difference, so tagged jets go to the b pair when they can.
    private const double TaggedWJetPenalty = 1000;

    /// <summary>
    /// The neutrino p_z for which (lepton + neutrino) has the mass <paramref name="wMass"/>, given the missing
    /// transverse momentum as the neutrino's (px, py). With mu = (mW^2 - ml^2)/2 + pT(l).pT(nu) and A = E_l^2 - pz_l^2,
    /// p_z = (mu pz_l +- E_l sqrt(mu^2 - A pT(nu)^2)) / A; the solution of smaller |p_z| is taken, and the real part
    /// mu pz_l / A when the root is imaginary (the transverse mass exceeds mW).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double NeutrinoPz(LorentzVector lepton, double missingX, double missingY, double wMass = ParticleData.WMass)
    {
        var leptonMass2 = Math.Max(lepton.Mass2, 0);
        var mu = 0.5 * (wMass * wMass - leptonMass2) + lepton.Px * missingX + lepton.Py * missingY;
        var a = lepton.E * lepton.E - lepton.Pz * lepton.Pz;
        if (!(a > 0))
        {
            return 0;
        }
        var center = mu * lepton.Pz / a;
        var discriminant = mu * mu - a * (missingX * missingX + missingY * missingY);
        if (discriminant <= 0)
        {
            return center;
        }
        var half = lepton.E * Math.Sqrt(discriminant) / a;
        return Math.Abs(center - half) < Math.Abs(center + half) ? center - half : center + half;
    }

    /// <summary>
    /// Computes the seven masses into <paramref name="masses"/> (m_jj, m_jjj, m_lv, m_jlv, m_bb, m_wbb, m_wwbb).
    /// The hadronic W is the pair of the four jets whose mass is closest to mW, untagged jets first; the other two are
    /// the b candidates; m_jjj pairs the W with the b candidate that gives the mass closer to m(t), m_jlv uses the other one.
    /// </summary>
    /// <param name="lepton">The reconstructed lepton.</param>
    /// <param name="neutrino">The neutrino (missing transverse momentum with the p_z from <see cref="NeutrinoPz"/>).</param>
    /// <param name="jets">The four leading jets.</param>
    /// <param name="tagged">Their b-tags.</param>
    /// <param name="masses">Receives the seven masses.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void HighLevelMasses(LorentzVector lepton, LorentzVector neutrino, ReadOnlySpan<LorentzVector> jets,
        ReadOnlySpan<bool> tagged, Span<double> masses)
    {
        if (jets.Length != 4 || tagged.Length != 4 || masses.Length < MassCount)
        {
            throw new ArgumentException("expected four jets, four tags and room for seven masses");
        }
        int wFirst = 0, wSecond = 1;
        var best = double.PositiveInfinity;
        for (var i = 0; i < 3; i++)
        {
            for (var j = i + 1; j < 4; j++)
            {
                var cost = Math.Abs((jets[i] + jets[j]).Mass - ParticleData.WMass)
                    + TaggedWJetPenalty * ((tagged[i] ? 1 : 0) + (tagged[j] ? 1 : 0));
                if (cost < best)
                {
                    best = cost;
                    wFirst = i;
                    wSecond = j;
                }
            }
        }
        int bFirst = -1, bSecond = -1;
        for (var k = 0; k < 4; k++)
        {
            if (k != wFirst && k != wSecond)
            {
                if (bFirst < 0)
                {
                    bFirst = k;
                }
                else
                {
                    bSecond = k;
                }
            }
        }
        var w = jets[wFirst] + jets[wSecond];
        var leptonicW = lepton + neutrino;
        var withFirst = (w + jets[bFirst]).Mass;
        var withSecond = (w + jets[bSecond]).Mass;
        var firstIsHadronic = Math.Abs(withFirst - ParticleData.TopMass) <= Math.Abs(withSecond - ParticleData.TopMass);
        var bb = jets[bFirst] + jets[bSecond];
        masses[0] = w.Mass;
        masses[1] = firstIsHadronic ? withFirst : withSecond;
        masses[2] = leptonicW.Mass;
        masses[3] = (leptonicW + (firstIsHadronic ? jets[bSecond] : jets[bFirst])).Mass;
        masses[4] = bb.Mass;
        masses[5] = (w + bb).Mass;
        masses[6] = (w + bb + leptonicW).Mass;
    }
}
