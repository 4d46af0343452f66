namespace Neyman.Stats.Models;

/// <summary>
/// The layout of a model: channels (sorted by name, as pyhf orders the main data), parameter sets in pyhf's order,
/// the parameter of interest and the suggested starting point, bounds and fixed flags.
/// </summary>
public sealed class ModelConfig
{
    internal ModelConfig(
        IReadOnlyList<string> channels, IReadOnlyList<int> channelBins, IReadOnlyList<ParameterSet> parameterSets,
        string poiName, ModelOptions options)
    {
        Channels = channels;
        ChannelBinCounts = channelBins;
        ParameterSets = parameterSets;
        Options = options;
        PoiName = poiName;
        var names = new List<string>();
        var init = new List<double>();
        var lower = new List<double>();
        var upper = new List<double>();
        var isFixed = new List<bool>();
        var aux = new List<double>();
        foreach (var set in parameterSets)
        {
            for (var i = 0; i < set.Count; i++)
            {
                names.Add(set.ParameterName(i));
            }
            init.AddRange(set.Inits);
            lower.AddRange(set.Lower);
            upper.AddRange(set.Upper);
            isFixed.AddRange(set.Fixed);
            if (set.Constraint != ConstraintKind.None)
            {
                aux.AddRange(set.Auxdata);
            }
        }
        ParameterNames = names;
        SuggestedInit = init.ToArray();
        LowerBounds = lower.ToArray();
        UpperBounds = upper.ToArray();
        SuggestedFixed = isFixed.ToArray();
        Auxdata = aux.ToArray();
        PoiIndex = parameterSets.First(s => s.Name == poiName).Offset;
        MainBinCount = channelBins.Sum();
    }

    /// <summary>Channel names in the order of the main data (sorted).</summary>
    public IReadOnlyList<string> Channels { get; }

    /// <summary>Bins per channel, in the order of <see cref="Channels"/>.</summary>
    public IReadOnlyList<int> ChannelBinCounts { get; }

    /// <summary>The parameter sets in the order of the parameter vector.</summary>
    public IReadOnlyList<ParameterSet> ParameterSets { get; }

    /// <summary>The name of every parameter (sets with several parameters give Name[i]).</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>The number of parameters.</summary>
    public int ParameterCount => SuggestedInit.Length;

    /// <summary>Name of the parameter of interest.</summary>
    public string PoiName { get; }

    /// <summary>Index of the parameter of interest in the parameter vector.</summary>
    public int PoiIndex { get; }

    /// <summary>Suggested initial values.</summary>
    public double[] SuggestedInit { get; }

    /// <summary>Lower bounds of the parameters.</summary>
    public double[] LowerBounds { get; }

    /// <summary>Upper bounds of the parameters.</summary>
    public double[] UpperBounds { get; }

    /// <summary>Which parameters are held constant by default.</summary>
    public bool[] SuggestedFixed { get; }

    /// <summary>Auxiliary data of the constrained parameters, in parameter order.</summary>
    public double[] Auxdata { get; }

    /// <summary>Number of main-data bins (all channels).</summary>
    public int MainBinCount { get; }

    /// <summary>The interpolation settings the model was built with.</summary>
    public ModelOptions Options { get; }

    /// <summary>The index of the parameter called <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < ParameterNames.Count; i++)
        {
            if (ParameterNames[i] == name)
            {
                return i;
            }
        }
        return -1;
    }
}
