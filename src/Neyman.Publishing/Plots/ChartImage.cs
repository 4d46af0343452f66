using Neyman.Core;
using ScottPlot;
using SkiaSharp;

namespace Neyman.Publishing.Plots;

/// <summary>
/// A finished chart in both publication formats: PNG bytes and SVG text, rendered once from the same
/// ScottPlot figure (or from a stack of panels sharing the width, such as a histogram over its ratio).
/// </summary>
public sealed class ChartImage
{
    private ChartImage(string name, byte[] png, string svg, int width, int height)
    {
        Name = name;
        Png = png;
        Svg = svg;
        Width = width;
        Height = height;
    }

    /// <summary>A file-name stem for the chart, such as "roc".</summary>
    public string Name { get; }

    /// <summary>The PNG encoding.</summary>
    public byte[] Png { get; }

    /// <summary>The SVG document.</summary>
    public string Svg { get; }

    /// <summary>The width in pixels.</summary>
    public int Width { get; }

    /// <summary>The height in pixels.</summary>
    public int Height { get; }

    /// <summary>Renders one plot.</summary>
    public static ChartImage From(string name, Plot plot, int width = 800, int height = 600) =>
        new(name, plot.GetImageBytes(width, height, ImageFormat.Png), plot.GetSvgXml(width, height), width, height);

    /// <summary>Renders plots stacked from top to bottom; <paramref name="heights"/> gives each panel's height in pixels.</summary>
    public static ChartImage FromPanels(string name, IReadOnlyList<Plot> panels, IReadOnlyList<int> heights, int width = 800)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(panels.Count, heights.Count);
        var height = heights.Sum();
        void Draw(SKCanvas canvas)
        {
            var top = 0;
            for (var i = 0; i < panels.Count; i++)
            {
                // A panel clears its background; the clip keeps it from wiping the panels above.
                canvas.Save();
                canvas.ClipRect(new SKRect(0, top, width, top + heights[i]));
                panels[i].Render(canvas, new PixelRect(0, width, top + heights[i], top));
                canvas.Restore();
                top += heights[i];
            }
        }
        byte[] png;
        using (var surface = SKSurface.Create(new SKImageInfo(width, height)))
        {
            surface.Canvas.Clear(SKColors.White);
            Draw(surface.Canvas);
            using var snapshot = surface.Snapshot();
            using var data = snapshot.Encode(SKEncodedImageFormat.Png, 100);
            png = data.ToArray();
        }
        string svg;
        using (var stream = new MemoryStream())
        {
            using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
            {
                Draw(canvas);
            }
            svg = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }
        return new ChartImage(name, png, svg, width, height);
    }

    /// <summary>Writes NAME.png and NAME.svg into <paramref name="folder"/>, each atomically; returns the two paths.</summary>
    public (string Png, string Svg) Save(string folder)
    {
        var png = Path.Combine(folder, Name + ".png");
        var svg = Path.Combine(folder, Name + ".svg");
        AtomicFile.Write(png, stream => stream.Write(Png));
        AtomicFile.WriteAllText(svg, Svg);
        return (png, svg);
    }
}
