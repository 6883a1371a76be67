using Ocpp16.Messages;

namespace Station.Composition;

/// <summary>The station's snapshot as its blocks fill it in (<see cref="IStationModule.Describe"/>), under the station lock.</summary>
public sealed class StationSnapshotBuilder
{
    private readonly ConnectorSnapshotBuilder[] _connectors;

    /// <summary>Starts a snapshot of a station with <paramref name="connectorCount"/> connectors.</summary>
    public StationSnapshotBuilder(int connectorCount) =>
        _connectors = [.. Enumerable.Range(1, connectorCount).Select(id => new ConnectorSnapshotBuilder(id))];

    /// <summary>Connectors 1..n.</summary>
    public IReadOnlyList<ConnectorSnapshotBuilder> Connectors => _connectors;

    /// <summary>Whether the WebSocket is open.</summary>
    public bool Connected { get; set; }

    /// <summary>The last registration status, null before the first answer.</summary>
    public RegistrationStatus? Registration { get; set; }

    /// <summary>Transaction messages waiting for delivery.</summary>
    public int QueuedTransactionMessages { get; set; }

    /// <summary>Messages given up on and kept in the dead letters.</summary>
    public int DeadLetters { get; set; }

    /// <summary>The Local Authorization List, when the station has the profile.</summary>
    public LocalAuthListSnapshot? LocalAuthList { get; set; }

    /// <summary>Connector <paramref name="connectorId"/> (from 1).</summary>
    public ConnectorSnapshotBuilder Connector(int connectorId) => _connectors[connectorId - 1];

    /// <summary>The snapshot.</summary>
    public StationSnapshot Build() => new(Connected, Registration, [.. _connectors.Select(c => c.Build())], QueuedTransactionMessages, DeadLetters, LocalAuthList);
}
