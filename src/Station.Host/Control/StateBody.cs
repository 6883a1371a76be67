using Ocpp16.Messages;

namespace Station.Host.Control;

/// <summary>The body of <c>GET /state</c> (and of every successful event).</summary>
internal sealed record StateBody(
    string ChargePointId,
    bool Connected,
    RegistrationStatus? Registration,
    IReadOnlyList<ConnectorBody> Connectors,
    int QueuedTransactionMessages,
    bool Rebooting,
    int DeadLetters = 0,
    LocalAuthListSnapshot? LocalAuthList = null);
