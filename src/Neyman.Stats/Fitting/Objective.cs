namespace Neyman.Stats.Fitting;

/// <summary>A smooth function to minimise: returns its value at <c>x</c> and writes its gradient into <c>gradient</c>.</summary>
public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);
