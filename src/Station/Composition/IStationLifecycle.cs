using Ocpp16.Messages;

namespace Station.Composition;

/// <summary>What a block may ask of the station instance as a whole.</summary>
public interface IStationLifecycle
{
    /// <summary>Reset (§5.14): ends the transactions as the reset type says and reboots the station instance.</summary>
    Task RebootAsync(ResetType type, CancellationToken cancellationToken);

    /// <summary>Reboots after a firmware installation: lets queued messages leave first.</summary>
    void RebootAfterFirmware(string reason);

    /// <summary>Mains power failed with backup power (AQ-7.1): ends every transaction and shuts down.</summary>
    Task PowerDownAsync(CancellationToken cancellationToken);
}
