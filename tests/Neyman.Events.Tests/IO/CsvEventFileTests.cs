using Neyman.Core;
using Neyman.Events.IO;
using Neyman.Events.Tables;

namespace Neyman.Events.Tests.IO;

public sealed class CsvEventFileTests
{
    private static EventTable ReadText(string text, EventReadOptions? options = null)
    {
        using var folder = new ScratchFolder();
        var path = folder.File("input.csv");
        File.WriteAllText(path, text);
        return EventFile.Read(path, options);
    }

    private static InputException ReadError(string text, out string path)
    {
        var folder = new ScratchFolder();
        path = folder.File("bad.csv");
        File.WriteAllText(path, text);
        var p = path;
        try
        {
            return Assert.Throws<InputException>(() => EventFile.Read(p));
        }
        finally
        {
            folder.Dispose();
        }
    }

    [Fact]
    public void Parses_header_values_and_types()
    {
        var table = ReadText("pt,eta,label,weight\n10.5,-1.25,1,0.5\n20,2e-3,0,-1e-300\n");

        Assert.Equal(["pt", "eta", "label", "weight"], table.ColumnNames);
        Assert.Equal(ColumnType.Float32, table["pt"].Type);
        Assert.Equal(ColumnType.Float64, table["weight"].Type);
        Assert.Equal([10.5f, 20f], table["pt"].Float32Values);
        Assert.Equal([-1.25f, 0.002f], table["eta"].Float32Values);
        Assert.Equal([0.5, -1e-300], table["weight"].Float64Values);
    }

    [Fact]
    public void Accepts_crlf_quotes_blank_lines_and_surrounding_spaces()
    {
        var table = ReadText("\"pt\", \"eta\"\r\n 1.5 ,\"2\"\r\n\r\n3,4\r\n");

        Assert.Equal(["pt", "eta"], table.ColumnNames);
        Assert.Equal([1.5f, 3f], table["pt"].Float32Values);
        Assert.Equal([2f, 4f], table["eta"].Float32Values);
    }

    [Fact]
    public void Understands_the_common_spellings_of_missing_and_infinite_values()
    {
        var table = ReadText("a\nnan\nNaN\n\ninf\n-inf\nInfinity\n-Infinity\n+inf\n", new EventReadOptions { AllowNonFinite = true });

        // the blank line is skipped, not read as a missing value
        var a = table["a"].Float32Values;
        Assert.Equal(7, a.Length);
        Assert.True(float.IsNaN(a[0]) && float.IsNaN(a[1]));
        Assert.Equal([float.PositiveInfinity, float.NegativeInfinity, float.PositiveInfinity, float.NegativeInfinity, float.PositiveInfinity], a[2..]);
    }

    [Fact]
    public void An_empty_field_is_a_missing_value()
    {
        var table = ReadText("a,b\n1,\n", new EventReadOptions { AllowNonFinite = true });

        Assert.True(float.IsNaN(table["b"].Float32Values[0]));
    }

    [Fact]
    public void A_ragged_row_names_its_line_and_the_expected_count()
    {
        var error = ReadError("a,b,c\n1,2,3\n4,5\n", out var path);

        Assert.Equal($"{path}, line 3: found 2 fields, expected 3 as in the header", error.Message);
    }

    [Fact]
    public void A_row_with_too_many_fields_is_ragged_too()
    {
        var error = ReadError("a,b\n1,2,3\n", out var path);

        Assert.Equal($"{path}, line 2: found 3 fields, expected 2 as in the header", error.Message);
    }

    [Fact]
    public void A_non_numeric_value_names_line_and_column()
    {
        var error = ReadError("pt,eta\n1,2\n3,abc\n", out var path);

        Assert.Equal($"{path}, line 3, column 'eta': 'abc' is not a number", error.Message);
    }

    [Fact]
    public void A_comma_decimal_separator_is_not_silently_misread()
    {
        var error = ReadError("pt\n\"1,5\"\n", out _);

        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void An_empty_file_asks_for_a_header()
    {
        var error = ReadError("", out var path);

        Assert.Equal($"{path}, line 1: the file is empty; expected a header row of column names", error.Message);
    }

    [Fact]
    public void A_duplicate_header_name_is_rejected()
    {
        var error = ReadError("pt,pt\n1,2\n", out _);

        Assert.Contains("column 'pt' appears twice in the header", error.Message);
    }

    [Fact]
    public void Non_finite_values_are_reported_with_the_data_row_number()
    {
        var error = ReadError("pt,eta\n1,2\n3,nan\n", out var path);

        Assert.StartsWith($"{path}, row 2, column 'eta': value NaN is not a finite number", error.Message);
    }

    [Fact]
    public void Column_names_that_break_csv_cannot_be_written()
    {
        using var folder = new ScratchFolder();

        var error = Assert.Throws<InputException>(() =>
            EventFile.OpenWriter(folder.File("x.csv"), [("a,b", ColumnType.Float32)]));

        Assert.Contains("cannot be written to CSV", error.Message);
        Assert.Empty(folder.Entries());
    }

    [Fact]
    public void Written_text_uses_invariant_shortest_round_trip_numbers()
    {
        using var folder = new ScratchFolder();
        var path = folder.File("out.csv");
        var table = new EventTable([
            EventColumn.Float32("pt", [0.1f, 1e10f, -0f]),
            EventColumn.Float64("weight", [0.1, double.NaN, -2.5e-300]),
        ]);

        EventFile.Write(path, table);

        Assert.Equal("pt,weight\n0.1,0.1\n1E+10,nan\n-0,-2.5E-300\n", File.ReadAllText(path));
    }
}
