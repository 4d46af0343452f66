using Neyman.Events.Kinematics;

namespace Neyman.Events.Simulation;

/// <summary>A final-state quark or gluon of the hard process, before the detector: its momentum and whether it is a b quark.</summary>
internal readonly record struct Parton(LorentzVector Momentum, bool IsBottom);
