using System.Numerics;
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
    /// The hadronic W is the pair of the four jets with the fewest b-tags whose mass is closest to mW; the other two are
    /// the b candidates; m_jjj pairs the W with the b candidate that gives the mass closer to m(t), m_jlv uses the other
    /// one. Masses are signed roots of E^2 - p^2 (negative for space-like sums).
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
        var tags = (tagged[0] ? 1 : 0) | (tagged[1] ? 2 : 0) | (tagged[2] ? 4 : 0) | (tagged[3] ? 8 : 0);
        // Two untagged jets make a pair without tags; with three or four tags the pairs carry at least tags - 2.
        var fewestTags = Math.Max(0, BitOperations.PopCount((uint)tags) - 2);
        int wFirst = 0, wSecond = 1;
        var best = double.PositiveInfinity;
        for (var i = 0; i < 3; i++)
        {
            for (var j = i + 1; j < 4; j++)
            {
                if (BitOperations.PopCount((uint)(tags & ((1 << i) | (1 << j)))) != fewestTags)
                {
                    continue;
                }
                var cost = Math.Abs(MassOf(jets[i] + jets[j]) - ParticleData.WMass);
                if (cost < best)
                {
                    best = cost;
                    wFirst = i;
                    wSecond = j;
                }
            }
        }
        // The two jets left: the lowest and highest indices not in the W pair.
        var others = 15 & ~((1 << wFirst) | (1 << wSecond));
        var bFirst = BitOperations.TrailingZeroCount(others);
        var bSecond = 31 - BitOperations.LeadingZeroCount((uint)others);
        var w = jets[wFirst] + jets[wSecond];
        var leptonicW = lepton + neutrino;
        var withFirst = MassOf(w + jets[bFirst]);
        var withSecond = MassOf(w + jets[bSecond]);
        var firstIsHadronic = Math.Abs(withFirst - ParticleData.TopMass) <= Math.Abs(withSecond - ParticleData.TopMass);
        var bb = jets[bFirst] + jets[bSecond];
        var wbb = w + bb;
        masses[0] = MassOf(w);
        masses[1] = firstIsHadronic ? withFirst : withSecond;
        masses[2] = MassOf(leptonicW);
        masses[3] = MassOf(leptonicW + (firstIsHadronic ? jets[bSecond] : jets[bFirst]));
        masses[4] = MassOf(bb);
        masses[5] = MassOf(wbb);
        masses[6] = MassOf(wbb + leptonicW);
    }

    // The signed root of E^2 - p^2: one root instead of LorentzVector.Mass's two; for these sums (m above a few GeV at
    // energies of hundreds) the cancellation costs a few units of 1e-16, far below the float32 features' resolution.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double MassOf(LorentzVector v) =>
        LorentzVector.SignedRoot((v.E * v.E) - ((v.Px * v.Px) + (v.Py * v.Py) + (v.Pz * v.Pz)));
}
