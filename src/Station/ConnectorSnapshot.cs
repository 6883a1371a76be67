using Ocpp16.Messages;

namespace Station;

/// <summary>One connector as the control API shows it.</summary>
/// <param name="Id">The connector id.</param>
/// <param name="Status">The present OCPP status.</param>
/// <param name="TransactionId">The Central System's id of the running transaction, if assigned.</param>
/// <param name="MeterWh">The energy register in Wh.</param>
/// <param name="ErrorCode">The error code, NoError unless Faulted.</param>
/// <param name="IdTag">The identifier of the running transaction, if any.</param>
public sealed record ConnectorSnapshot(int Id, ChargePointStatus Status, int? TransactionId, double MeterWh, ChargePointErrorCode ErrorCode, string? IdTag)
{
    /// <summary>When the running transaction started, by the station's clock; null without one.</summary>
    public DateTimeOffset? TransactionStartedAt { get; init; }

    /// <summary>The meterStart of the running transaction in Wh; null without one.</summary>
    public int? MeterStartWh { get; init; }
}
