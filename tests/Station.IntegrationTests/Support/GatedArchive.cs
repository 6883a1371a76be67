using Station.Diagnostics;

namespace Station.IntegrationTests.Support;

/// <summary>
/// A diagnostics archive step that waits for the test: it reports when it started and builds the
/// real archive only once released, so a test sees what the station does while it runs.
/// </summary>
internal sealed class GatedArchive(IDiagnosticsArchive inner) : IDiagnosticsArchive
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the station began to build the archive.</summary>
    public Task Started => _started.Task;

    /// <summary>Whether the archive has been written.</summary>
    public bool Finished { get; private set; }

    /// <summary>Lets the archive step go on.</summary>
    public void Release() => _released.TrySetResult();

    public DateTimeOffset? OldestEntryAt() => inner.OldestEntryAt();

    public async Task<int> WriteArchiveAsync(string archivePath, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        _started.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
        var count = await inner.WriteArchiveAsync(archivePath, from, to, cancellationToken);
        Finished = true;
        return count;
    }
}
