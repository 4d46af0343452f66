namespace Neyman.Stats.Workspaces;

/// <summary>A measurement: the parameter of interest and the parameter settings to build a model with.</summary>
/// <param name="Name">The measurement name, unique in the workspace.</param>
/// <param name="Poi">The name of the parameter of interest.</param>
/// <param name="Parameters">Parameter settings by parameter-set name.</param>
/// <param name="Path">The JSON path of the measurement, for error messages.</param>
public sealed record MeasurementSpec(string Name, string Poi, IReadOnlyList<ParameterConfig> Parameters, string Path);
