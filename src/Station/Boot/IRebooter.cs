using Ocpp16.Messages;

namespace Station.Boot;

/// <summary>Reboots the station; implemented by the station's composition root.</summary>
public interface IRebooter
{
    /// <summary>Stops transactions with the reason of <paramref name="type"/> and reboots.</summary>
    Task RebootAsync(ResetType type, CancellationToken cancellationToken);
}
