using Ocpp16.Messages;
using Station.Connectors;
using Station.Model;
using Station.Tests.Support;
using Xunit;

namespace Station.Tests.Connectors;

/// <summary>ChangeAvailability (OCPP 1.6 §5.2) and availability across restarts, on a station with two connectors.</summary>
public sealed class ConnectorServiceTests : IAsyncLifetime
{
    private static readonly StationModel TwoConnectors = StationModel.Tsct2007Cp with { Connectors = [new ConnectorModel(), new ConnectorModel()] };

    private readonly BlockHarness _harness = new(new BlockHarnessOptions { Model = TwoConnectors });
    private readonly InMemoryAvailabilityStore _store = new();
    private readonly List<(int ConnectorId, ChargePointStatus Status)> _reported = [];
    private ConnectorService _connectors = null!;

    public Task InitializeAsync()
    {
        _connectors = Create(_store);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    [Trait("Cert", "TC_013_CS")]
    public async Task An_idle_connector_set_inoperative_becomes_unavailable_and_stays_so_after_a_restart()
    {
        var answer = await _harness.LockedAsync(() => _connectors.ChangeAvailability(1, AvailabilityType.Inoperative));

        Assert.Equal(AvailabilityStatus.Accepted, answer);
        Assert.Equal(ChargePointStatus.Unavailable, _connectors.Evaluate(1).Status);
        Assert.Equal(ChargePointStatus.Available, _connectors.Evaluate(2).Status);
        Assert.Contains((1, ChargePointStatus.Unavailable), _reported);
        Assert.Equal([new StoredAvailability(1, AvailabilityType.Inoperative, null)], _store.Saves);
        Assert.Equal(ChargePointStatus.Unavailable, Create(_store).Evaluate(1).Status);
    }

    [Fact]
    public async Task An_inoperative_connector_set_operative_is_available_again()
    {
        await _harness.LockedAsync(() => _connectors.ChangeAvailability(1, AvailabilityType.Inoperative));

        var answer = await _harness.LockedAsync(() => _connectors.ChangeAvailability(1, AvailabilityType.Operative));

        Assert.Equal(AvailabilityStatus.Accepted, answer);
        Assert.Equal(ChargePointStatus.Available, _connectors.Evaluate(1).Status);
        Assert.Equal(new StoredAvailability(1, AvailabilityType.Operative, null), _store.For(1));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public async Task Availability_of_a_connector_that_does_not_exist_is_rejected(int connectorId)
    {
        var answer = await _harness.LockedAsync(() => _connectors.ChangeAvailability(connectorId, AvailabilityType.Inoperative));

        Assert.Equal(AvailabilityStatus.Rejected, answer);
        Assert.Empty(_store.Saves);
    }

    [Fact]
    public async Task The_availability_a_connector_already_has_is_accepted_without_storing_anything()
    {
        var answer = await _harness.LockedAsync(() => _connectors.ChangeAvailability(2, AvailabilityType.Operative));

        Assert.Equal(AvailabilityStatus.Accepted, answer);
        Assert.Empty(_store.Saves);
    }

    [Fact]
    [Trait("Cert", "TC_014_CS")]
    public async Task Connector_0_set_inoperative_makes_the_station_and_every_connector_unavailable()
    {
        var answer = await _harness.LockedAsync(() => _connectors.ChangeAvailability(0, AvailabilityType.Inoperative));

        Assert.Equal(AvailabilityStatus.Accepted, answer);
        Assert.All([0, 1, 2], id => Assert.Equal(ChargePointStatus.Unavailable, _connectors.Evaluate(id).Status));
        Assert.Equal([0, 1, 2], _store.Load().Where(s => s.Availability == AvailabilityType.Inoperative).Select(s => s.ConnectorId));
        Assert.False(_connectors.IsUsable(1));
        Assert.False(_connectors.IsUsable(2));
    }

    [Fact]
    public async Task Inoperative_during_a_transaction_is_scheduled_and_applied_when_the_transaction_ends()
    {
        await _harness.LockedAsync(() => Charge(1));

        var answer = await _harness.LockedAsync(() => _connectors.ChangeAvailability(1, AvailabilityType.Inoperative));

        Assert.Equal(AvailabilityStatus.Scheduled, answer);
        Assert.Equal((AvailabilityType.Operative, AvailabilityType.Inoperative), (_connectors[1].Availability, _connectors[1].ScheduledAvailability));
        Assert.Equal(new StoredAvailability(1, AvailabilityType.Operative, AvailabilityType.Inoperative), _store.For(1));
        Assert.Equal(ChargePointStatus.Charging, _connectors.Evaluate(1).Status);

        await _harness.LockedAsync(() =>
        {
            _connectors[1].Session = SessionPhase.Finishing;
            _connectors.Refresh();
        });

        Assert.Equal((AvailabilityType.Inoperative, (AvailabilityType?)null), (_connectors[1].Availability, _connectors[1].ScheduledAvailability));
        Assert.Equal(new StoredAvailability(1, AvailabilityType.Inoperative, null), _store.For(1));
        Assert.Equal(ChargePointStatus.Unavailable, _connectors.Evaluate(1).Status);
        Assert.Contains(_harness.Logs.Entries, e => e.EventId.Id == 2202);
    }

    [Fact]
    public async Task Connector_0_set_inoperative_during_a_transaction_takes_the_idle_connectors_at_once_and_the_rest_when_it_ends()
    {
        await _harness.LockedAsync(() => Charge(2));

        var answer = await _harness.LockedAsync(() => _connectors.ChangeAvailability(0, AvailabilityType.Inoperative));

        Assert.Equal(AvailabilityStatus.Scheduled, answer);
        Assert.Equal(ChargePointStatus.Unavailable, _connectors.Evaluate(1).Status);
        Assert.Equal(ChargePointStatus.Charging, _connectors.Evaluate(2).Status);
        Assert.Equal(AvailabilityType.Inoperative, _connectors.Station.ScheduledAvailability);
        Assert.Equal(AvailabilityType.Inoperative, _connectors[2].ScheduledAvailability);

        await _harness.LockedAsync(() =>
        {
            _connectors[2].Session = SessionPhase.Idle;
            _connectors.Refresh();
        });

        Assert.All([0, 1, 2], id => Assert.Equal(AvailabilityType.Inoperative, _connectors[id].Availability));
        Assert.All([0, 1, 2], id => Assert.Null(_connectors[id].ScheduledAvailability));
    }

    [Fact]
    public async Task Operative_during_a_transaction_is_accepted_at_once()
    {
        await _harness.LockedAsync(() => Charge(1));

        var answer = await _harness.LockedAsync(() => _connectors.ChangeAvailability(1, AvailabilityType.Operative));

        Assert.Equal(AvailabilityStatus.Accepted, answer);
        Assert.Empty(_store.Saves);
    }

    [Fact]
    public async Task Operative_cancels_a_scheduled_inoperative()
    {
        await _harness.LockedAsync(() => Charge(1));
        await _harness.LockedAsync(() => _connectors.ChangeAvailability(1, AvailabilityType.Inoperative));

        var answer = await _harness.LockedAsync(() => _connectors.ChangeAvailability(1, AvailabilityType.Operative));
        await _harness.LockedAsync(() =>
        {
            _connectors[1].Session = SessionPhase.Idle;
            _connectors.Refresh();
        });

        Assert.Equal(AvailabilityStatus.Accepted, answer);
        Assert.Equal(AvailabilityType.Operative, _connectors[1].Availability);
        Assert.Equal(new StoredAvailability(1, AvailabilityType.Operative, null), _store.For(1));
    }

    [Fact]
    [Trait("Cert", "TC_034_CS")]
    public void Stored_availability_is_in_force_from_the_start()
    {
        var connectors = Create(new InMemoryAvailabilityStore(
            new StoredAvailability(0, AvailabilityType.Inoperative, null),
            new StoredAvailability(2, AvailabilityType.Inoperative, null)));

        Assert.Equal(ChargePointStatus.Unavailable, connectors.Evaluate(0).Status);
        Assert.Equal(ChargePointStatus.Unavailable, connectors.Evaluate(1).Status);
        Assert.Equal(AvailabilityType.Operative, connectors[1].Availability);
        Assert.Equal(AvailabilityType.Inoperative, connectors[2].Availability);
    }

    [Fact]
    public void Stored_availability_of_connectors_the_model_no_longer_has_is_ignored()
    {
        var connectors = Create(new InMemoryAvailabilityStore(new StoredAvailability(5, AvailabilityType.Inoperative, null)));

        Assert.Equal(2, connectors.Count);
        Assert.All(connectors.All, c => Assert.Equal(AvailabilityType.Operative, c.Availability));
    }

    [Fact]
    public async Task A_scheduled_inoperative_stored_before_a_power_loss_applies_at_the_first_refresh()
    {
        var store = new InMemoryAvailabilityStore(new StoredAvailability(1, AvailabilityType.Operative, AvailabilityType.Inoperative));
        var connectors = Create(store);

        await _harness.LockedAsync(connectors.Refresh);

        Assert.Equal(AvailabilityType.Inoperative, connectors[1].Availability);
        Assert.Equal(new StoredAvailability(1, AvailabilityType.Inoperative, null), store.For(1));
    }

    [Fact]
    public void Connector_0_and_the_model_connectors_exist_and_only_the_model_connectors_can_start_a_session()
    {
        Assert.Equal([0, 1, 2], Enumerable.Range(-1, 5).Where(_connectors.Exists));
        Assert.Equal([1, 2], Enumerable.Range(-1, 5).Where(_connectors.IsUsable));
        Assert.Equal([1, 2], _connectors.All.Select(c => c.Id));
        Assert.Equal(0, _connectors.Station.Id);
    }

    private void Charge(int connectorId)
    {
        _connectors[connectorId].CablePlugged = true;
        _connectors[connectorId].Session = SessionPhase.Charging;
        _connectors.Refresh();
    }

    private ConnectorService Create(InMemoryAvailabilityStore store)
    {
        var connectors = new ConnectorService(TwoConnectors.Connectors.Count, store, _harness.Outgoing, _harness.Configuration, _harness.Runtime);
        connectors.StatusReported += (id, status) => _reported.Add((id, status.Status));
        return connectors;
    }
}
