using Ocpp16.Messages;

namespace Station.Host.Control;

/// <summary>One connector in <c>GET /state</c>.</summary>
/// <remarks>
/// <c>PowerW</c>: What the simulated EV draws now (0 with the contactor open, the EV suspended or a fault).
/// <c>EvSuspended</c>: Whether the simulated EV refuses to draw current.
/// <c>TransactionStartedAt</c>: When the running transaction started (station clock); null without one.
/// <c>MeterStartWh</c>: The running transaction's meterStart; the energy so far is <c>meterWh - meterStartWh</c>.
/// </remarks>
internal sealed record ConnectorBody(
    int Id,
    ChargePointStatus Status,
    int? TransactionId,
    double MeterWh,
    ChargePointErrorCode ErrorCode,
    string? IdTag,
    bool Plugged,
    double PowerW = 0,
    bool EvSuspended = false,
    DateTimeOffset? TransactionStartedAt = null,
    int? MeterStartWh = null);
