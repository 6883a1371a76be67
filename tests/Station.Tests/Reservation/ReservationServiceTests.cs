using Ocpp16.Messages;
using Station.Configuration;
using Station.Connectors;
using Station.Model;
using Station.Reservation;
using Station.Tests.Support;
using Xunit;

namespace Station.Tests.Reservation;

/// <summary>The reservation block on a station of two connectors: who may start where, expiry and replacement in virtual time, restart.</summary>
public sealed class ReservationServiceTests : IAsyncLifetime
{
    private static readonly StationModel TwoConnectors = StationModel.Tsct2007Cp with { Connectors = [new ConnectorModel(), new ConnectorModel()] };
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly BlockHarness _harness = new(new BlockHarnessOptions { Model = TwoConnectors });
    private readonly InMemoryReservationStore _store = new();
    private ConfigurationService _configuration = null!;
    private ConnectorService _connectors = null!;
    private ReservationService _reservations = null!;

    public async Task InitializeAsync()
    {
        _configuration = new ConfigurationService(
            [.. BlockHarness.Definitions(TwoConnectors), .. ReservationKeys.Definitions()], new InMemoryConfigurationStore(), _harness.Logger("Station.Configuration"));
        (_connectors, _reservations) = await StartAsync(_store);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData("TAG1", null, ReservationAccess.Reserved)]
    [InlineData("tag1", null, ReservationAccess.Reserved)]
    [InlineData("TAG2", null, ReservationAccess.NeedsParent)]
    [InlineData("TAG2", "group", ReservationAccess.Reserved)]
    [InlineData("TAG2", "OTHER", ReservationAccess.Refused)]
    public async Task A_connector_reserved_with_a_parent_admits_its_tag_and_its_group_case_insensitively(string idTag, string? parentIdTag, ReservationAccess expected)
    {
        Assert.Equal(ReservationStatus.Accepted, await ReserveAsync(1, 1, "TAG1", "GROUP"));

        var access = await _harness.LockedAsync(() => _reservations.Access(1, idTag, parentIdTag));

        Assert.Equal(expected, access);
        Assert.Equal(ReservationAccess.Open, await _harness.LockedAsync(() => _reservations.Access(2, idTag, parentIdTag)));
    }

    [Fact]
    public async Task Without_a_parent_another_tag_is_refused_whatever_its_group()
    {
        await ReserveAsync(1, 1, "TAG1");

        Assert.Equal(ReservationAccess.Refused, await _harness.LockedAsync(() => _reservations.Access(1, "TAG2", null)));
        Assert.Equal(ReservationAccess.Refused, await _harness.LockedAsync(() => _reservations.Access(1, "TAG2", "GROUP")));
        Assert.Equal(ChargePointStatus.Reserved, _connectors.Evaluate(1).Status);
        Assert.Equal(ChargePointStatus.Available, _connectors.Evaluate(2).Status);
    }

    [Fact]
    public async Task Connector_0_holds_a_connector_only_once_no_other_would_stay_free()
    {
        Assert.Equal(ReservationStatus.Accepted, await ReserveAsync(5, 0, "TAG1"));
        Assert.Equal(ReservationAccess.Open, await _harness.LockedAsync(() => _reservations.Access(1, "TAG2", null)));
        Assert.All([1, 2], id => Assert.Equal(ChargePointStatus.Available, _connectors.Evaluate(id).Status));

        await _harness.LockedAsync(() =>
        {
            _connectors[1].Session = SessionPhase.Charging;
            _connectors.Refresh();
        });

        Assert.Equal(ChargePointStatus.Reserved, _connectors.Evaluate(2).Status);
        Assert.Equal(ReservationAccess.Refused, await _harness.LockedAsync(() => _reservations.Access(2, "TAG2", null)));
        Assert.Equal(ReservationAccess.Reserved, await _harness.LockedAsync(() => _reservations.Access(2, "TAG1", null)));
        Assert.Equal(5, await _harness.LockedAsync(() => _reservations.ReservationFor(2, "TAG1", null)));
        Assert.Equal(5, _reservations.On(2)?.ReservationId);
    }

    [Fact]
    public async Task A_reservation_expires_at_its_expiryDate_in_virtual_time()
    {
        await ReserveAsync(1, 1, "TAG1");

        await _harness.AdvanceAsync(Hour - TimeSpan.FromSeconds(1));
        Assert.Equal(ChargePointStatus.Reserved, _connectors.Evaluate(1).Status);
        await _harness.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(ChargePointStatus.Available, _connectors.Evaluate(1).Status);
        Assert.Empty(_store.Load());
    }

    [Fact]
    public async Task A_replacement_moves_the_reservation_and_its_deadline()
    {
        await ReserveAsync(1, 1, "TAG1");

        Assert.Equal(ReservationStatus.Accepted, await ReserveAsync(1, 2, "TAG2", expiresIn: 3 * Hour));

        Assert.Equal(ChargePointStatus.Available, _connectors.Evaluate(1).Status);
        Assert.Equal(ChargePointStatus.Reserved, _connectors.Evaluate(2).Status);
        Assert.Equal([new StoredReservation(1, 2, "TAG2", null, _harness.Clock.GetUtcNow() + 3 * Hour)], _store.Load());
        await _harness.AdvanceAsync(2 * Hour);
        Assert.Equal(ChargePointStatus.Reserved, _connectors.Evaluate(2).Status);
        await _harness.AdvanceAsync(Hour);
        Assert.Equal(ChargePointStatus.Available, _connectors.Evaluate(2).Status);
    }

    [Fact]
    public async Task A_replacement_that_cannot_be_made_leaves_the_old_reservation()
    {
        await ReserveAsync(1, 1, "TAG1");
        await _harness.LockedAsync(() =>
        {
            _connectors[2].CablePlugged = true;
            _connectors.Refresh();
        });

        Assert.Equal(ReservationStatus.Occupied, await ReserveAsync(1, 2, "TAG2"));

        Assert.Equal(("TAG1", 1), (_reservations.All.Single().IdTag, _reservations.All.Single().ConnectorId));
    }

    [Fact]
    public async Task Used_ends_the_reservation_and_Cancel_of_it_is_then_rejected()
    {
        await ReserveAsync(1, 1, "TAG1");

        await _harness.LockedAsync(() => _reservations.Used(1));

        Assert.Empty(_store.Load());
        Assert.Equal(CancelReservationStatus.Rejected, await _harness.LockedAsync(() => _reservations.Cancel(1)));
    }

    [Fact]
    public async Task A_restart_on_the_same_store_restores_what_is_in_force_and_drops_what_expired()
    {
        var store = new InMemoryReservationStore();
        store.Save(new StoredReservation(1, 1, "TAG1", null, _harness.Clock.GetUtcNow() - TimeSpan.FromSeconds(1)));
        store.Save(new StoredReservation(2, 2, "TAG2", "GROUP", _harness.Clock.GetUtcNow() + Hour));

        var (connectors, reservations) = await StartAsync(store);

        Assert.Equal([2], reservations.All.Select(r => r.ReservationId));
        Assert.Equal(ChargePointStatus.Reserved, connectors.Evaluate(2).Status);
        Assert.Equal(ChargePointStatus.Available, connectors.Evaluate(1).Status);
        Assert.Equal([2], store.Load().Select(r => r.ReservationId));
        Assert.Equal(ReservationAccess.Reserved, await _harness.LockedAsync(() => reservations.Access(2, "OTHER", "group")));
    }

    [Fact]
    public async Task A_disabled_profile_rejects_everything()
    {
        var connectors = new ConnectorService(2, new InMemoryAvailabilityStore(), _harness.Outgoing, _configuration, _harness.Runtime);
        var disabled = new ReservationService(connectors, connectors, new InMemoryReservationStore(), _configuration, _harness.Runtime, supported: false);

        var answer = await _harness.LockedAsync(() => disabled.Reserve(Request(1, 1, "TAG1", null, Hour)));

        Assert.Equal(ReservationStatus.Rejected, answer);
        Assert.Equal(CancelReservationStatus.Rejected, await _harness.LockedAsync(() => disabled.Cancel(1)));
    }

    private async Task<(ConnectorService Connectors, ReservationService Reservations)> StartAsync(IReservationStore store)
    {
        var connectors = new ConnectorService(2, new InMemoryAvailabilityStore(), _harness.Outgoing, _configuration, _harness.Runtime);
        var reservations = new ReservationService(connectors, connectors, store, _configuration, _harness.Runtime, supported: true);
        await _harness.LockedAsync(() =>
        {
            connectors.Refresh();
            reservations.Start();
        });
        return (connectors, reservations);
    }

    private Task<ReservationStatus> ReserveAsync(int id, int connectorId, string idTag, string? parentIdTag = null, TimeSpan? expiresIn = null) =>
        _harness.LockedAsync(() => _reservations.Reserve(Request(id, connectorId, idTag, parentIdTag, expiresIn ?? Hour)));

    private ReserveNowRequest Request(int id, int connectorId, string idTag, string? parentIdTag, TimeSpan expiresIn) => new()
    {
        ReservationId = id, ConnectorId = connectorId, IdTag = idTag, ParentIdTag = parentIdTag, ExpiryDate = _harness.Clock.GetUtcNow() + expiresIn,
    };
}
