using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Composition;
using Station.Security;

namespace Station.IntegrationTests.Support;

/// <summary>
/// A stand-in for the security log (<see cref="ISecurityEvents"/>): records what the blocks report,
/// so a test can check an event was raised without the SecurityEventNotification delivery.
/// </summary>
internal sealed class RecordingSecurityEvents : ISecurityEvents
{
    private readonly Lock _gate = new();
    private readonly List<(string Type, string? TechInfo)> _events = [];
    private TaskCompletionSource _reported = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every event reported so far.</summary>
    public IReadOnlyList<(string Type, string? TechInfo)> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>A module that provides this recorder; put it first in the composition.</summary>
    public ModuleDefinition Module => new()
    {
        Name = "RecordingSecurityEvents",
        Profile = FeatureProfile.Security,
        Create = context =>
        {
            context.Provide<ISecurityEvents>(this);
            return new NoModule();
        },
    };

    public void Report(string type, string? techInfo = null)
    {
        TaskCompletionSource reported;
        lock (_gate)
        {
            _events.Add((type, techInfo));
            reported = _reported;
            _reported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        reported.TrySetResult();
    }

    /// <summary>Waits until an event of <paramref name="type"/> was reported; returns its techInfo.</summary>
    public async Task<string?> WaitForAsync(string type)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default, TimeProvider.System);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_events.FirstOrDefault(e => e.Type == type) is { Type: not null } found)
                {
                    return found.TechInfo;
                }

                next = _reported.Task;
            }

            await next.WaitAsync(timeout.Token);
        }
    }

    private sealed class NoModule : IStationModule;
}
