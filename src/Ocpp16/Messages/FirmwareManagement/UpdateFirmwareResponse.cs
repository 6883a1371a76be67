namespace Ocpp16.Messages;

/// <summary>UpdateFirmware.conf: the answer to the request that asks the Charge Point to download and install new firmware (§5.19).</summary>
public sealed record UpdateFirmwareResponse : IOcppResponse;
