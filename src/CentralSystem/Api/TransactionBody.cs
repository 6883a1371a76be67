using Ocpp16.Messages;

namespace CentralSystem.Api;

/// <summary>
/// A transaction the Central System answered a StartTransaction for and has seen no
/// StopTransaction of; <see cref="MeterWh"/> is the last Energy.Active.Import.Register of its MeterValues.
/// </summary>
internal sealed record TransactionBody(
    int TransactionId, int ConnectorId, string IdTag, int MeterStart, DateTimeOffset StartedAt, AuthorizationStatus IdTagStatus, double? MeterWh);
