namespace Ocpp16.Testing;

/// <summary>A directory deleted when the test ends.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates an empty directory under the system's temporary folder.</summary>
    public TempDirectory() => Directory.CreateDirectory(Path);

    /// <summary>The full path.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ocpp-station-tests", Guid.NewGuid().ToString("N"));

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process killed by the test may still hold a file for a moment; the OS cleans temp.
        }
    }
}
