using Ocpp16.Messages;
using Station.Composition;

namespace Station.Tests.Support;

/// <summary>The station instance's life as block tests see it: what the blocks asked for, recorded.</summary>
public sealed class RecordingLifecycle : IStationLifecycle
{
    private readonly List<string> _requests = [];

    /// <summary>What was asked, in order ("Reset Soft", "firmware: ...", "power down").</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <inheritdoc/>
    public Task RebootAsync(ResetType type, CancellationToken cancellationToken) => Record($"Reset {type}");

    /// <inheritdoc/>
    public void RebootAfterFirmware(string reason) => Record($"firmware: {reason}");

    /// <inheritdoc/>
    public Task PowerDownAsync(CancellationToken cancellationToken) => Record("power down");

    private Task Record(string request)
    {
        lock (_requests)
        {
            _requests.Add(request);
        }

        return Task.CompletedTask;
    }
}
