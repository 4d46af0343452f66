namespace Neyman.Learning.Evaluation;

/// <summary>How closely one observable orders signal-background pairs like a reference classifier.</summary>
/// <param name="Name">The observable.</param>
/// <param name="Ado">The ADO with the reference, oriented: max(ADO, 1 - ADO), since an observable that is smaller for signal is as useful as one that is larger.</param>
/// <param name="Reversed">True when the raw ADO was below 1/2, that is the observable decreases where the reference increases.</param>
/// <param name="Auc">The oriented AUC of the observable on its own: max(AUC, 1 - AUC).</param>
public readonly record struct ObservableOrdering(string Name, double Ado, bool Reversed, double Auc)
{
    /// <summary>
    /// Ranks observables by their ADO with the reference classifier, most similar first ("learning from the machine":
    /// the observable that best reproduces the network's decisions is the one it has learned most from).
    /// </summary>
    public static IReadOnlyList<ObservableOrdering> Rank(BinaryScores reference, IReadOnlyList<(string Name, double[] Values)> observables)
    {
        var ados = DiscriminantOrdering.Average(reference, observables);
        var result = new List<ObservableOrdering>(observables.Count);
        for (var i = 0; i < observables.Count; i++)
        {
            var (name, values) = observables[i];
            var ado = ados[i];
            var auc = AreaUnderCurve.Compute(reference.WithScores(values, name));
            result.Add(new ObservableOrdering(name, Math.Max(ado, 1 - ado), ado < 0.5, Math.Max(auc, 1 - auc)));
        }
        return result.OrderByDescending(x => x.Ado).ThenBy(x => x.Name, StringComparer.Ordinal).ToArray();
    }
}
