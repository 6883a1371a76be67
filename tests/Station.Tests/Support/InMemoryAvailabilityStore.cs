using Station.Connectors;

namespace Station.Tests.Support;

/// <summary>Connector availability in memory; remembers every save in order.</summary>
public sealed class InMemoryAvailabilityStore : IAvailabilityStore
{
    private readonly Dictionary<int, StoredAvailability> _stored = [];
    private readonly List<StoredAvailability> _saves = [];

    /// <summary>Starts with <paramref name="stored"/>, as if saved by an earlier run.</summary>
    public InMemoryAvailabilityStore(params IEnumerable<StoredAvailability> stored)
    {
        foreach (var availability in stored)
        {
            _stored[availability.ConnectorId] = availability;
        }
    }

    /// <summary>Every <see cref="Save"/> so far, oldest first.</summary>
    public IReadOnlyList<StoredAvailability> Saves
    {
        get
        {
            lock (_stored)
            {
                return [.. _saves];
            }
        }
    }

    /// <summary>What is stored for a connector now, if anything.</summary>
    public StoredAvailability? For(int connectorId)
    {
        lock (_stored)
        {
            return _stored.GetValueOrDefault(connectorId);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredAvailability> Load()
    {
        lock (_stored)
        {
            return [.. _stored.Values.OrderBy(s => s.ConnectorId)];
        }
    }

    /// <inheritdoc/>
    public void Save(StoredAvailability availability)
    {
        lock (_stored)
        {
            _stored[availability.ConnectorId] = availability;
            _saves.Add(availability);
        }
    }
}
