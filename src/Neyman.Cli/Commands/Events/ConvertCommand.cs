using System.CommandLine;
using Neyman.Events.IO;

namespace Neyman.Cli.Commands.Events;

/// <summary><c>neyman convert INPUT OUTPUT</c>: copies an event file between CSV, Parquet and HDF5, chunk by chunk.</summary>
internal static class ConvertCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("INPUT") { Description = "event file to read (.csv, .parquet/.pq, .h5/.hdf5)" };
        var output = new Argument<string>("OUTPUT") { Description = "event file to write; the format follows the extension" };
        var columns = new Option<string?>("--columns") { Description = "comma-separated columns to keep, in this order (default: all)" };
        var allowNonFinite = new Option<bool>("--allow-non-finite") { Description = "copy NaN and infinities instead of rejecting them" };
        var chunkRows = new Option<int>("--chunk-rows") { Description = "rows per chunk (memory use)", DefaultValueFactory = _ => 1 << 20 };
        var command = new Command("convert", "Convert an event file between CSV, Parquet and HDF5 without loading it whole.")
        {
            input, output, columns, allowNonFinite, chunkRows,
        };
        command.SetAction(result => NeymanApp.Guard(context.Error, () =>
        {
            var chunk = result.GetValue(chunkRows);
            if (chunk < 1)
            {
                throw new Neyman.Core.InputException($"got {chunk}; expected a positive number of rows", "--chunk-rows");
            }
            var target = result.GetValue(output)!;
            EventFile.FormatOf(target);
            var options = new EventReadOptions
            {
                Columns = ColumnList.Parse(result.GetValue(columns), "--columns"),
                AllowNonFinite = result.GetValue(allowNonFinite),
                ChunkRows = chunk,
            };
            using var reader = EventFile.OpenReader(result.GetValue(input)!, options);
            using var writer = EventFile.OpenWriter(target, reader.Schema);
            while (reader.ReadChunk() is { } table)
            {
                writer.WriteChunk(table);
            }
            writer.Complete();
            context.Out.WriteLine($"wrote {writer.RowsWritten} events x {reader.Schema.Count} columns to {target}");
            return NeymanApp.Success;
        }));
        return command;
    }
}
