using Neyman.Events.Tables;
using Neyman.Learning.Models;

namespace Neyman.Learning.Training;

/// <summary>The models of a k-fold training and the out-of-fold scores of every event.</summary>
/// <param name="Models">Model j, trained without fold j.</param>
/// <param name="Folds">The fold of each event.</param>
/// <param name="Scores">Each event's scores from the model that did not see it, one column per output name.</param>
public sealed record KFoldResult(IReadOnlyList<IEventModel> Models, IReadOnlyList<int> Folds, EventTable Scores);
