using System.Runtime.CompilerServices;
using Neyman.Core;
using Neyman.Events.Kinematics;

namespace Neyman.Events.Simulation;

/// <summary>
/// Two-body decays M -> m1 m2: the daughters are back to back in the parent's rest frame with the
/// momentum fixed by the three masses, then boosted to the laboratory with the parent's four-momentum.
/// </summary>
public static class TwoBodyDecay
{
    /// <summary>
    /// The daughters' momentum in the parent's rest frame,
    /// p* = sqrt((M^2 - (m1 + m2)^2) (M^2 - (m1 - m2)^2)) / (2 M); 0 at threshold.
    /// </summary>
    public static double RestFrameMomentum(double parentMass, double mass1, double mass2) =>
        Math.Sqrt(MomentumProduct(parentMass, mass1, mass2)) / (2.0 * parentMass);

    // (M^2 - (m1 + m2)^2) (M^2 - (m1 - m2)^2) = (2 M p*)^2, or 0 below threshold.
    private static double MomentumProduct(double parentMass, double mass1, double mass2)
    {
        var sum = mass1 + mass2;
        var difference = mass1 - mass2;
        var product = (parentMass - sum) * (parentMass + sum) * (parentMass - difference) * (parentMass + difference);
        return product <= 0 ? 0.0 : product;
    }

    /// <summary>
    /// Decays <paramref name="parent"/> (of invariant mass <paramref name="parentMass"/>) into daughters of masses
    /// <paramref name="mass1"/> and <paramref name="mass2"/>; daughter 1 flies along (cos theta, phi) in the rest frame.
    /// </summary>
    public static (LorentzVector First, LorentzVector Second) Decay(
        LorentzVector parent, double parentMass, double mass1, double mass2, double cosTheta, double phi) =>
        Decay(parent, parentMass, mass1, mass2, ThreeVector.FromCosThetaPhi(cosTheta, phi));

    /// <summary>As the other overload, with daughter 1 flying along the unit vector <paramref name="direction"/> in the rest frame.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (LorentzVector First, LorentzVector Second) Decay(
        LorentzVector parent, double parentMass, double mass1, double mass2, ThreeVector direction)
    {
        // The two reciprocals do not depend on the decay angles, so they are computed alongside the momentum instead of
        // as three divisions in a row at the end of the chain (decays in a cascade wait on each other's results).
        var inverseMass = 1.0 / parentMass;
        var inverseEnergySum = 1.0 / (parent.E + parentMass);
        // Massless daughters (W to l nu or q q'): p = E = M / 2, no roots.
        var massless = mass1 == 0 && mass2 == 0;
        var p = massless ? 0.5 * parentMass : Math.Sqrt(MomentumProduct(parentMass, mass1, mass2)) * (0.5 * inverseMass);
        var px = p * direction.X;
        var py = p * direction.Y;
        var pz = p * direction.Z;
        var energy = massless ? p : Math.Sqrt(p * p + mass1 * mass1);
        // Boost by the parent's momentum with its known mass (no square roots of the parent's components); the
        // second daughter is what the first leaves of the parent, which conserves four-momentum exactly.
        var pdot = parent.Px * px + parent.Py * py + parent.Pz * pz;
        var k = (pdot * inverseEnergySum + energy) * inverseMass;
        var first = new LorentzVector(px + k * parent.Px, py + k * parent.Py, pz + k * parent.Pz, (parent.E * energy + pdot) * inverseMass);
        return (first, parent - first);
    }

    /// <summary>
    /// A direction uniform on the sphere, by Marsaglia's method (1972): (u, v) uniform in the unit disk by rejection,
    /// s = u^2 + v^2, direction (2u sqrt(1 - s), 2v sqrt(1 - s), 1 - 2s); no trigonometric functions.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ThreeVector IsotropicDirection(RandomStream random)
    {
        var s = random.NextInUnitDisk(out var u, out var v);
        var root = 2 * Math.Sqrt(1 - s);
        return new ThreeVector(u * root, v * root, 1 - 2 * s);
    }

    /// <summary>
    /// A direction uniform in the transverse plane as (cos phi, sin phi), from a point uniform in the unit disk (by
    /// rejection) whose doubled polar angle is phi: no sine or cosine is computed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double Cos, double Sin) AzimuthalDirection(RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var s = random.NextInUnitDisk(out var u, out var v);
        return ((u * u - v * v) / s, 2 * u * v / s);
    }
}
