using Neyman.Core;
using Neyman.Stats.Interpolation;
using Neyman.Stats.Modifiers;
using Neyman.Stats.Workspaces;

namespace Neyman.Stats.Models;

/// <summary>Builds a <see cref="HistFactoryModel"/> from a workspace and a measurement.</summary>
internal static class ModelBuilder
{
    public static HistFactoryModel Build(Workspace workspace, MeasurementSpec measurement, ModelOptions options)
    {
        var drafts = DeclareParameterSets(workspace);
        if (!drafts.TryGetValue(measurement.Poi, out var poi))
        {
            throw new InputException($"unknown parameter of interest '{measurement.Poi}'", workspace.Source, measurement.Path + ".config.poi");
        }
        if (poi.ModifierType is "shapefactor" or "shapesys" or "staterror")
        {
            throw new InputException(
                $"the parameter of interest '{measurement.Poi}' is a per-bin {poi.ModifierType} parameter set; expected a single parameter (normfactor, lumi, normsys or histosys)",
                workspace.Source, measurement.Path + ".config.poi");
        }
        ApplyMeasurement(workspace, measurement, drafts);
        var offset = 0;
        var sets = new List<ParameterSet>(drafts.Count);
        foreach (var draft in drafts.Values)
        {
            sets.Add(draft.Freeze(offset));
            offset += draft.Count;
        }
        var channels = workspace.Channels.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var config = new ModelConfig(channels.Select(c => c.Name).ToList(), channels.Select(c => c.BinCount).ToList(), sets, measurement.Poi, options);
        var setByName = sets.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var samples = new List<CompiledSample>();
        var binStart = 0;
        foreach (var channel in channels)
        {
            foreach (var sample in channel.Samples)
            {
                samples.Add(Compile(sample, binStart, setByName, options));
            }
            binStart += channel.BinCount;
        }
        var observed = new List<double>();
        foreach (var channel in channels)
        {
            observed.AddRange(workspace.Observations.First(o => o.Name == channel.Name).Data);
        }
        observed.AddRange(config.Auxdata);
        return new HistFactoryModel(config, samples.ToArray(), observed.ToArray());
    }

    private static Dictionary<string, ParameterSetDraft> DeclareParameterSets(Workspace workspace)
    {
        // pyhf's order: modifier types alphabetically, names sorted within a type; a name shared by two types sits
        // with the first type. The first sample met (channels and samples sorted) supplies per-sample data.
        var drafts = new Dictionary<string, ParameterSetDraft>(StringComparer.Ordinal);
        var firstPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in ModifierCatalog.Types)
        {
            var ofType = new SortedDictionary<string, (ParameterSetDraft Draft, string Path)>(StringComparer.Ordinal);
            foreach (var channel in workspace.Channels.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                foreach (var sample in channel.Samples.OrderBy(s => s.Name, StringComparer.Ordinal))
                {
                    foreach (var modifier in sample.Modifiers)
                    {
                        if (modifier.Type != type.Name)
                        {
                            continue;
                        }
                        var draft = type.Declare(modifier, sample, channel);
                        draft.ModifierType = type.Name;
                        if (!ofType.TryGetValue(modifier.Name, out var seen))
                        {
                            ofType.Add(modifier.Name, (draft, modifier.Path));
                        }
                        else if (seen.Draft.Count != draft.Count)
                        {
                            throw Conflict(workspace, modifier, draft, seen.Draft, seen.Path);
                        }
                    }
                }
            }
            foreach (var (name, (draft, path)) in ofType)
            {
                if (!drafts.TryGetValue(name, out var existing))
                {
                    drafts.Add(name, draft);
                    firstPath.Add(name, path);
                }
                else if (!Compatible(existing, draft))
                {
                    throw Conflict(workspace, new ModifierSpec(name, type.Name, path), draft, existing, firstPath[name]);
                }
            }
        }
        return drafts;
    }

    private static InputException Conflict(Workspace workspace, ModifierSpec modifier, ParameterSetDraft draft, ParameterSetDraft existing, string existingPath) =>
        new($"modifier '{modifier.Name}' of type {modifier.Type} with {draft.Count} parameter(s) conflicts with the " +
            $"{existing.ModifierType} modifier of the same name at {existingPath} ({existing.Count} parameter(s))",
            workspace.Source, modifier.Path);

    private static bool Compatible(ParameterSetDraft a, ParameterSetDraft b) =>
        a.Count == b.Count && a.Constraint == b.Constraint &&
        (a.ModifierType == b.ModifierType || (a.Constraint == ConstraintKind.Normal && a.Count == 1 && !a.RequiresConfiguration && !b.RequiresConfiguration));

    private static void ApplyMeasurement(Workspace workspace, MeasurementSpec measurement, Dictionary<string, ParameterSetDraft> drafts)
    {
        var configured = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in measurement.Parameters)
        {
            if (!drafts.TryGetValue(p.Name, out var draft))
            {
                continue;
            }
            configured.Add(p.Name);
            Copy(p.Inits, draft.Inits, "inits");
            Copy(p.Auxdata, draft.Auxdata, "auxdata");
            Copy(p.Sigmas, draft.Sigmas, "sigmas");
            if (p.Auxdata is not null && p.Inits is null && draft.RequiresConfiguration)
            {
                Copy(p.Auxdata, draft.Inits, "auxdata");
            }
            if (p.Bounds is { } bounds)
            {
                Check(bounds.Count, "bounds");
                for (var i = 0; i < bounds.Count; i++)
                {
                    draft.Lower[i] = bounds[i].Lower;
                    draft.Upper[i] = bounds[i].Upper;
                }
            }
            if (p.Fixed is { } isFixed)
            {
                draft.Fixed.AsSpan().Fill(isFixed);
            }
            if (draft.RequiresConfiguration && (p.Auxdata is null || p.Sigmas is null))
            {
                throw new InputException(
                    $"the {draft.ModifierType} parameter '{p.Name}' needs 'auxdata' and 'sigmas' in its configuration", workspace.Source, p.Path);
            }

            void Copy(IReadOnlyList<double>? from, double[] to, string field)
            {
                if (from is null)
                {
                    return;
                }
                Check(from.Count, field);
                for (var i = 0; i < from.Count; i++)
                {
                    to[i] = from[i];
                }
            }

            void Check(int count, string field)
            {
                if (count != draft.Count)
                {
                    throw new InputException(
                        $"expected {draft.Count} value(s) for parameter set '{p.Name}', found {count}", workspace.Source, p.Path + "." + field);
                }
            }
        }
        foreach (var draft in drafts.Values)
        {
            if (draft.RequiresConfiguration && !configured.Contains(draft.Name))
            {
                throw new InputException(
                    $"the {draft.ModifierType} modifier '{draft.Name}' has no configuration (auxdata, sigmas) in measurement '{measurement.Name}'",
                    workspace.Source, measurement.Path + ".config.parameters");
            }
        }
    }

    private static CompiledSample Compile(SampleSpec sample, int binStart, Dictionary<string, ParameterSet> sets, ModelOptions options)
    {
        var scalars = new List<ScalarFactor>();
        var histos = new List<HistoSysTerm>();
        var binFactors = new List<int>();
        foreach (var m in sample.Modifiers)
        {
            var set = sets[m.Name];
            switch (m.Type)
            {
                case "normfactor" or "lumi":
                    scalars.Add(new ScalarFactor { Parameter = set.Offset });
                    break;
                case "normsys" when m.LowFactor == 1 && m.HighFactor == 1:
                    // No effect at any alpha under every code: only the constraint term remains.
                    break;
                case "histosys" when m.LowData.SequenceEqual(sample.Data) && m.HighData.SequenceEqual(sample.Data):
                    break;
                case "normsys":
                    var coefficients = new double[6];
                    if (options.NormSysInterpolation == InterpolationCode.Code4)
                    {
                        Code4.Coefficients(m.LowFactor, m.HighFactor, coefficients);
                    }
                    scalars.Add(new ScalarFactor
                    {
                        Parameter = set.Offset, IsNormSys = true, Low = m.LowFactor, High = m.HighFactor,
                        Code = options.NormSysInterpolation, Coefficients = coefficients,
                    });
                    break;
                case "histosys":
                    histos.Add(new HistoSysTerm
                    {
                        Parameter = set.Offset, Low = m.LowData.ToArray(), High = m.HighData.ToArray(), Code = options.HistoSysInterpolation,
                    });
                    break;
                default:
                    binFactors.Add(set.Offset);
                    break;
            }
        }
        return new CompiledSample
        {
            BinStart = binStart, Nominal = sample.Data.ToArray(), Scalars = scalars.ToArray(), HistoSys = histos.ToArray(),
            BinFactorOffsets = binFactors.ToArray(),
        };
    }
}
