using System.Text.Json;
using Neyman.Core;

namespace Neyman.Events.Histograms;

/// <summary>Validates a parsed histogram document, naming the JSON path of the first problem.</summary>
internal sealed class HistogramJsonReader(string? source)
{
    public Histogram Read(JsonElement root)
    {
        Expect(root, JsonValueKind.Object, "$", "an object");
        var format = Member(root, "format", "$");
        if (format.ValueKind != JsonValueKind.String || format.GetString() != HistogramJson.Format)
        {
            throw Fail("$.format", $"expected \"{HistogramJson.Format}\"");
        }
        var version = Member(root, "version", "$");
        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != HistogramJson.Version)
        {
            throw Fail("$.version", $"expected version {HistogramJson.Version}");
        }
        var axesElement = Member(root, "axes", "$");
        Expect(axesElement, JsonValueKind.Array, "$.axes", "an array of axes");
        if (axesElement.GetArrayLength() == 0)
        {
            throw Fail("$.axes", "expected at least one axis");
        }
        var axes = new List<Axis>();
        var a = 0;
        foreach (var axis in axesElement.EnumerateArray())
        {
            axes.Add(ReadAxis(axis, $"$.axes[{a++}]"));
        }
        long size = 1;
        foreach (var axis in axes)
        {
            size *= axis.Extent;
            if (size > Array.MaxLength)
            {
                throw Fail("$.axes", "the axes describe too many bins to store");
            }
        }
        var values = Numbers(Member(root, "values", "$"), "$.values", (int)size);
        var variances = Numbers(Member(root, "variances", "$"), "$.variances", (int)size);
        return Histogram.FromStorage(axes, values, variances);
    }

    private Axis ReadAxis(JsonElement element, string path)
    {
        Expect(element, JsonValueKind.Object, path, "an axis object");
        var kind = Member(element, "kind", path);
        switch (kind.ValueKind == JsonValueKind.String ? kind.GetString() : null)
        {
            case "regular":
                var binsElement = Member(element, "bins", path);
                if (binsElement.ValueKind != JsonValueKind.Number || !binsElement.TryGetInt32(out var bins) || bins < 1)
                {
                    throw Fail(path + ".bins", "expected an integer number of bins >= 1");
                }
                var lower = Number(Member(element, "lower", path), path + ".lower");
                var upper = Number(Member(element, "upper", path), path + ".upper");
                if (!double.IsFinite(lower) || !double.IsFinite(upper) || !(lower < upper))
                {
                    throw Fail(path, $"expected finite lower < upper, got [{lower}, {upper}]");
                }
                return new RegularAxis(bins, lower, upper);
            case "variable":
                var edgesElement = Member(element, "edges", path);
                Expect(edgesElement, JsonValueKind.Array, path + ".edges", "an array of edges");
                var edges = Numbers(edgesElement, path + ".edges", edgesElement.GetArrayLength());
                if (edges.Length < 2)
                {
                    throw Fail(path + ".edges", $"expected at least two edges, got {edges.Length}");
                }
                for (var i = 0; i < edges.Length; i++)
                {
                    if (!double.IsFinite(edges[i]))
                    {
                        throw Fail($"{path}.edges[{i}]", "expected a finite edge");
                    }
                    if (i > 0 && !(edges[i] > edges[i - 1]))
                    {
                        throw Fail($"{path}.edges[{i}]", $"expected edges strictly increasing, but {edges[i]} <= {edges[i - 1]}");
                    }
                }
                return new VariableAxis(edges);
            default:
                throw Fail(path + ".kind", "expected \"regular\" or \"variable\"");
        }
    }

    private double[] Numbers(JsonElement element, string path, int expected)
    {
        Expect(element, JsonValueKind.Array, path, "an array of numbers");
        var length = element.GetArrayLength();
        if (length != expected)
        {
            throw Fail(path, $"expected {expected} numbers (the product of Bins + 2 over the axes), got {length}");
        }
        var numbers = new double[length];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            numbers[i] = Number(item, $"{path}[{i}]");
            i++;
        }
        return numbers;
    }

    private double Number(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value))
        {
            return value;
        }
        if (element.ValueKind == JsonValueKind.String)
        {
            switch (element.GetString())
            {
                case "NaN": return double.NaN;
                case "Infinity": return double.PositiveInfinity;
                case "-Infinity": return double.NegativeInfinity;
            }
        }
        throw Fail(path, "expected a number (or \"NaN\", \"Infinity\", \"-Infinity\")");
    }

    private JsonElement Member(JsonElement element, string name, string path)
    {
        if (!element.TryGetProperty(name, out var member))
        {
            throw Fail(path, $"missing the member \"{name}\"");
        }
        return member;
    }

    private void Expect(JsonElement element, JsonValueKind kind, string path, string what)
    {
        if (element.ValueKind != kind)
        {
            throw Fail(path, $"expected {what}, got {element.ValueKind.ToString().ToLowerInvariant()}");
        }
    }

    private InputException Fail(string path, string problem) => new(problem, source, path);
}
