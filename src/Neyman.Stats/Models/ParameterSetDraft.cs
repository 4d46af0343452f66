namespace Neyman.Stats.Models;

/// <summary>A parameter set while the model is being built: defaults from its modifier type, then measurement settings.</summary>
internal sealed class ParameterSetDraft
{
    private ParameterSetDraft(string name, int count, ConstraintKind constraint)
    {
        Name = name;
        Count = count;
        Constraint = constraint;
        Inits = new double[count];
        Lower = new double[count];
        Upper = new double[count];
        Fixed = new bool[count];
        Auxdata = new double[count];
        Sigmas = new double[count];
        Factors = new double[count];
    }

    public string Name { get; }
    public int Count { get; }
    public ConstraintKind Constraint { get; }
    public double[] Inits { get; }
    public double[] Lower { get; }
    public double[] Upper { get; }
    public bool[] Fixed { get; }
    public double[] Auxdata { get; }
    public double[] Sigmas { get; }
    public double[] Factors { get; }
    public bool RequiresConfiguration { get; private init; }
    public string ModifierType { get; set; } = "";

    public static ParameterSetDraft Unconstrained(string name, int count, double init, double lower, double upper)
    {
        var d = new ParameterSetDraft(name, count, ConstraintKind.None);
        d.Inits.AsSpan().Fill(init);
        d.Lower.AsSpan().Fill(lower);
        d.Upper.AsSpan().Fill(upper);
        return d;
    }

    public static ParameterSetDraft Normal(string name, double[] auxdata, double[] sigmas, double lower, double upper, bool requiresConfiguration)
    {
        var d = new ParameterSetDraft(name, auxdata.Length, ConstraintKind.Normal) { RequiresConfiguration = requiresConfiguration };
        auxdata.CopyTo(d.Auxdata, 0);
        auxdata.CopyTo(d.Inits, 0);
        sigmas.CopyTo(d.Sigmas, 0);
        d.Lower.AsSpan().Fill(lower);
        d.Upper.AsSpan().Fill(upper);
        return d;
    }

    public static ParameterSetDraft Poisson(string name, double[] factors, bool[] fixedBins)
    {
        var d = new ParameterSetDraft(name, factors.Length, ConstraintKind.Poisson);
        factors.CopyTo(d.Factors, 0);
        factors.CopyTo(d.Auxdata, 0);
        fixedBins.CopyTo(d.Fixed, 0);
        d.Inits.AsSpan().Fill(1.0);
        d.Lower.AsSpan().Fill(1e-10);
        d.Upper.AsSpan().Fill(10.0);
        return d;
    }

    public ParameterSet Freeze(int offset) => new(
        Name, offset, Count, Constraint, ModifierType, Inits.ToArray(), Lower.ToArray(), Upper.ToArray(), Fixed.ToArray(),
        Auxdata.ToArray(), Sigmas.ToArray(), Factors.ToArray());
}
