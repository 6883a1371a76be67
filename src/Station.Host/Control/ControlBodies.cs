using Ocpp16.Messages;

namespace Station.Host.Control;

/// <summary><c>{"error": "..."}</c>: why a request was refused.</summary>
/// <param name="Error">One line naming the offending value.</param>
internal sealed record ErrorBody(string Error);

/// <summary>The body of <c>POST /rfid</c>.</summary>
internal sealed record RfidBody
{
    public string? IdTag { get; init; }
}

/// <summary>The body of <c>POST /connectors/{n}/fault</c>.</summary>
internal sealed record FaultBody
{
    public string? ErrorCode { get; init; }

    public string? Info { get; init; }
}

/// <summary>One connector in <c>GET /state</c>.</summary>
internal sealed record ConnectorBody(int Id, ChargePointStatus Status, int? TransactionId, double MeterWh, ChargePointErrorCode ErrorCode, string? IdTag, bool Plugged);

/// <summary>The body of <c>GET /state</c> (and of every successful event).</summary>
internal sealed record StateBody(
    string ChargePointId,
    bool Connected,
    RegistrationStatus? Registration,
    IReadOnlyList<ConnectorBody> Connectors,
    int QueuedTransactionMessages,
    bool Rebooting,
    int DeadLetters = 0);
