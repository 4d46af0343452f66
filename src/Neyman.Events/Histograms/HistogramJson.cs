using System.Text;
using System.Text.Json;
using Neyman.Core;

namespace Neyman.Events.Histograms;

/// <summary>
/// Reads and writes a <see cref="Histogram"/> as JSON (schema in docs/histograms.md). Numbers are written
/// in their shortest round-trip form, so a round trip is exact; non-finite numbers are written as the
/// strings "NaN", "Infinity" and "-Infinity".
/// </summary>
public static class HistogramJson
{
    /// <summary>The value of the "format" member.</summary>
    public const string Format = "neyman-histogram";

    /// <summary>The schema version written and understood.</summary>
    public const int Version = 1;

    /// <summary>The JSON text of <paramref name="histogram"/>.</summary>
    public static string Serialize(Histogram histogram)
    {
        using var buffer = new MemoryStream();
        Write(histogram, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes <paramref name="histogram"/> as JSON (UTF-8) to <paramref name="stream"/>.</summary>
    public static void Write(Histogram histogram, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("format", Format);
        writer.WriteNumber("version", Version);
        writer.WriteStartArray("axes");
        foreach (var axis in histogram.Axes)
        {
            writer.WriteStartObject();
            if (axis is RegularAxis regular)
            {
                writer.WriteString("kind", "regular");
                writer.WriteNumber("bins", regular.Bins);
                writer.WriteNumber("lower", regular.Lower);
                writer.WriteNumber("upper", regular.Upper);
            }
            else
            {
                writer.WriteString("kind", "variable");
                WriteArray(writer, "edges", axis.Edges.ToArray());
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        WriteArray(writer, "values", histogram.Values);
        WriteArray(writer, "variances", histogram.Variances);
        writer.WriteEndObject();
    }

    /// <summary>Writes <paramref name="histogram"/> to the file <paramref name="path"/> atomically.</summary>
    public static void WriteFile(Histogram histogram, string path) => AtomicFile.Write(path, stream => Write(histogram, stream));

    /// <summary>Reads a histogram from the file <paramref name="path"/>.</summary>
    public static Histogram ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException("cannot read the histogram file: " + e.Message, path, null, e);
        }
        return Deserialize(text, path);
    }

    /// <summary>Reads a histogram from JSON text; <paramref name="source"/> names it in error messages.</summary>
    public static Histogram Deserialize(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw InputException.InvalidJson(e, source);
        }
        using (document)
        {
            return new HistogramJsonReader(source).Read(document.RootElement);
        }
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, ReadOnlySpan<double> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
            }
        }
        writer.WriteEndArray();
    }
}
