namespace Neyman.Core;

/// <summary>
/// Writes a file so that readers never see it half-written: the content goes to a temporary
/// name in the same folder, which is renamed over the target only when writing succeeded.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>; on failure nothing is left behind.</summary>
    /// <exception cref="InputException">The folder does not exist or cannot be written.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        var temporary = PrepareTemporary(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: false);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Asynchronous form of <see cref="Write"/>.</summary>
    public static async Task WriteAsync(string path, Func<Stream, Task> write)
    {
        var temporary = PrepareTemporary(path);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: false))
            {
                await write(stream).ConfigureAwait(false);
                await stream.FlushAsync().ConfigureAwait(false);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes text (UTF-8, no byte-order mark) atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.Write(text);
        });

    /// <summary>
    /// Checks that <paramref name="path"/> can be created and returns a temporary sibling name for it.
    /// Exposed for writers that must hand a path (not a stream) to a library.
    /// </summary>
    public static string PrepareTemporary(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InputException("the output path is empty", "output");
        }
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new InputException("the output path is a folder, expected a file name", path);
        }
        var folder = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new InputException($"the folder '{folder}' does not exist", path);
        }
        var temporary = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        try
        {
            using (new FileStream(temporary, FileMode.CreateNew, FileAccess.Write)) { }
            File.Delete(temporary);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InputException($"cannot write to the folder '{folder}': {e.Message}", path, inner: e);
        }
        return temporary;
    }

    /// <summary>Moves a finished temporary file over the target.</summary>
    public static void Commit(string temporary, string path) => File.Move(temporary, path, overwrite: true);

    /// <summary>Removes a temporary file after a failure, ignoring errors.</summary>
    public static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
