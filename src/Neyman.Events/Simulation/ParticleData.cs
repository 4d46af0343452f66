namespace Neyman.Events.Simulation;

/// <summary>
/// Masses and widths (GeV) of the particles the built-in simulation uses, from the Review of Particle
/// Physics (PDG 2024). Light quarks, leptons and neutrinos are taken massless; their masses are below
/// any detector resolution at these energies.
/// </summary>
public static class ParticleData
{
    /// <summary>W boson mass, 80.3692 GeV.</summary>
    public const double WMass = 80.3692;

    /// <summary>W boson total width, 2.085 GeV.</summary>
    public const double WWidth = 2.085;

    /// <summary>Top quark mass from direct measurements, 172.57 GeV.</summary>
    public const double TopMass = 172.57;

    /// <summary>Top quark total width, 1.42 GeV.</summary>
    public const double TopWidth = 1.42;

    /// <summary>Mass of the observed Higgs boson h0, 125.20 GeV.</summary>
    public const double HiggsMass = 125.20;

    /// <summary>Width of the Higgs boson h0 (Standard Model value), 3.7 MeV.</summary>
    public const double HiggsWidth = 0.0037;

    /// <summary>
    /// Bottom quark mass used for kinematics, 4.78 GeV (the pole mass; the MS-bar mass 4.18 GeV is a
    /// short-distance parameter, not the mass of a b jet's parton).
    /// </summary>
    public const double BottomMass = 4.78;
}
