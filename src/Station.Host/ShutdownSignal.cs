using System.Runtime.InteropServices;

namespace Station.Host;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM as a cancellation token, for commands that run without the generic
/// host (which handles them itself for <c>run</c>). The first signal asks for a clean stop; a
/// second one ends the process at once, should the clean stop hang.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _requested = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public ShutdownSignal()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _requested.Token;

    /// <inheritdoc/>
    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _requested.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_requested.IsCancellationRequested)
        {
            return;
        }

        // Keep the process alive: the command stops cleanly and returns its exit code.
        context.Cancel = true;
        _requested.Cancel();
    }
}
