using Neyman.Core;

namespace Neyman.Core.Tests;

public class AtomicFileTests
{
    [Fact]
    public void WritesTheContentUnderTheTargetName()
    {
        var folder = Directory.CreateTempSubdirectory("neyman-atomic");
        var path = Path.Combine(folder.FullName, "a.txt");
        AtomicFile.WriteAllText(path, "hello");
        Assert.Equal("hello", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder.FullName));
        folder.Delete(true);
    }

    [Fact]
    public void AFailureLeavesNoFileBehind()
    {
        var folder = Directory.CreateTempSubdirectory("neyman-atomic");
        var path = Path.Combine(folder.FullName, "b.txt");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.WriteByte(1);
            throw new InvalidOperationException("boom");
        }));
        Assert.Empty(Directory.GetFiles(folder.FullName));
        folder.Delete(true);
    }

    [Fact]
    public void AMissingFolderIsBadInputNamingIt()
    {
        var e = Assert.Throws<InputException>(() => AtomicFile.WriteAllText("/no/such/folder/x.csv", "x"));
        Assert.Contains("/no/such/folder", e.Message);
    }

    [Fact]
    public void InputExceptionNamesSourceAndLocation()
    {
        var e = new InputException("expected a number", "events.csv", "line 3, column 'pt'");
        Assert.Equal("events.csv, line 3, column 'pt': expected a number", e.Message);
        Assert.Equal("expected a number", e.Problem);
    }
}
