using System.CommandLine;
using System.Globalization;
using Neyman.Events.IO;
using Neyman.Events.Tables;

namespace Neyman.Cli.Commands.Events;

/// <summary><c>neyman show FILE</c>: the format, columns, number of events and first rows of an event file.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "event file (.csv, .parquet/.pq, .h5/.hdf5)" };
        var rows = new Option<int>("--rows") { Description = "number of rows to print", DefaultValueFactory = _ => 5 };
        var columns = new Option<string?>("--columns") { Description = "comma-separated columns to show (default: all)" };
        var command = new Command("show", "Print the columns, event count and first rows of an event file.") { file, rows, columns };
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var path = result.GetValue(file)!;
            var count = result.GetValue(rows);
            if (count < 0)
            {
                throw new Neyman.Core.InputException($"got {count}; expected zero or more rows", "--rows");
            }
            var options = new EventReadOptions
            {
                AllowNonFinite = true,
                Columns = ColumnList.Parse(result.GetValue(columns), "--columns"),
                ChunkRows = 1 << 16,
            };
            using var reader = EventFile.OpenReader(path, options);
            var head = reader.ReadChunk()!;
            var total = reader.RowCount ?? CountRemaining(reader, head.RowCount);
            var output = context.Out;
            output.WriteLine($"file:    {path} ({EventFile.FormatOf(path)})");
            output.WriteLine($"events:  {total}");
            output.WriteLine($"columns: {reader.Schema.Count}");
            foreach (var (name, type) in reader.Schema)
            {
                output.WriteLine($"  {name,-28} {(type == ColumnType.Float32 ? "float32" : "float64")}");
            }
            if (count > 0 && head.RowCount > 0)
            {
                output.WriteLine();
                WriteRows(output, head, Math.Min(count, head.RowCount));
            }
            return NeymanApp.Success;
        }));
        return command;
    }

    private static long CountRemaining(IEventReader reader, long already)
    {
        var total = already;
        while (reader.ReadChunk() is { } chunk)
        {
            total += chunk.RowCount;
        }
        return total;
    }

    private static void WriteRows(TextWriter output, EventTable table, int rows)
    {
        var cells = new string[rows + 1][];
        cells[0] = table.ColumnNames.ToArray();
        for (var r = 0; r < rows; r++)
        {
            cells[r + 1] = table.Columns.Select(c => c.Type == ColumnType.Float32
                ? c.Float32Values[r].ToString("G7", CultureInfo.InvariantCulture)
                : c.Float64Values[r].ToString("G10", CultureInfo.InvariantCulture)).ToArray();
        }
        var widths = Enumerable.Range(0, cells[0].Length).Select(c => cells.Max(row => row[c].Length)).ToArray();
        foreach (var row in cells)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadLeft(widths[c]))).TrimEnd());
        }
    }
}
