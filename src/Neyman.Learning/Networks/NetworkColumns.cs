using Neyman.Events.Tables;

namespace Neyman.Learning.Networks;

/// <summary>Which columns of an event table a network reads.</summary>
/// <param name="Features">Feature columns, in order (null: every column but the label, weight and parameters).</param>
/// <param name="Label">The label column (0/1 for a classifier, the target of a regressor; unused by an autoencoder).</param>
/// <param name="Weight">The event-weight column (null: unit weights).</param>
/// <param name="Parameters">
/// Physics parameters given as extra inputs (for example the signal mass). Background events do not have a
/// true value, so each training and validation background event takes the value of a randomly drawn signal
/// event (seeded), and the network learns the classification at every parameter point.
/// </param>
public sealed record NetworkColumns(IReadOnlyList<string>? Features = null, string Label = EventTable.LabelColumn, string? Weight = null, IReadOnlyList<string>? Parameters = null);
