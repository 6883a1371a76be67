using Ocpp16.Messages;

namespace Station;

/// <summary>The station as the control API's <c>GET /state</c> shows it.</summary>
/// <param name="Connected">Whether the WebSocket is open.</param>
/// <param name="Registration">The last registration status, null before the first answer.</param>
/// <param name="Connectors">The connectors 1..n.</param>
/// <param name="QueuedTransactionMessages">Transaction messages waiting for delivery.</param>
/// <param name="DeadLetters">Messages given up on after repeated CALLERRORs, kept on disk (OCPP 1.6 §4.10).</param>
/// <param name="LocalAuthList">The Local Authorization List's version and size; null without the profile.</param>
public sealed record StationSnapshot(
    bool Connected, RegistrationStatus? Registration, IReadOnlyList<ConnectorSnapshot> Connectors, int QueuedTransactionMessages, int DeadLetters = 0,
    LocalAuthListSnapshot? LocalAuthList = null);
