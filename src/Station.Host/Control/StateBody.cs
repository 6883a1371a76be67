using Ocpp16.Messages;

namespace Station.Host.Control;

/// <summary>The body of <c>GET /state</c> (and of every successful event).</summary>
/// <remarks>
/// <c>EmergencyStop</c>: Whether the emergency stop is pressed.
/// <c>StationFault</c>: The error code of a fault of the whole station (connector 0); null without one.
/// </remarks>
internal sealed record StateBody(
    string ChargePointId,
    bool Connected,
    RegistrationStatus? Registration,
    IReadOnlyList<ConnectorBody> Connectors,
    int QueuedTransactionMessages,
    bool Rebooting,
    int DeadLetters = 0,
    LocalAuthListSnapshot? LocalAuthList = null,
    bool EmergencyStop = false,
    ChargePointErrorCode? StationFault = null);
