using System.Text.Json;
using Ocpp16.Messages;

namespace CentralSystem.Api;

/// <summary>
/// What the Central System knows of a station: its connection, its last BootNotification (the
/// payload as sent) and the registration status answered, its connectors and open transactions.
/// </summary>
internal sealed record StationBody(
    string ChargePointId,
    bool Connected,
    DateTimeOffset ConnectedAt,
    string? RemoteAddress,
    long LastSequence,
    JsonElement? BootNotification,
    DateTimeOffset? BootedAt,
    RegistrationStatus? Registration,
    IReadOnlyList<ConnectorBody> Connectors,
    IReadOnlyList<TransactionBody> Transactions);
