using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.IntegrationTests.Support;
using Station.Model;
using Station.Reservation;
using Station.Storage.Sqlite;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>
/// Reservation beyond the certification cases: replacement, bad input, a fault, connector 0 on a
/// station of two connectors, and reservations across a reboot and a <c>kill -9</c>.
/// </summary>
public sealed class ReservationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly StationModel TwoConnectors = StationModel.Tsct2007Cp with { Connectors = [new ConnectorModel(), new ConnectorModel()] };

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public async Task ReserveNow_for_a_connector_that_does_not_exist_is_rejected_and_changes_nothing(int connectorId)
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.FenceAsync();

        var mark = session.LastSequence;
        var answer = await ReserveAsync(harness, session, connectorId, ValidIdTag, 1, Hour);
        await harness.FlushAsync();

        Assert.Equal(ReservationStatus.Rejected, answer);
        Assert.Empty(session.CallsAfter<StatusNotificationRequest>(mark));
        Assert.Null((await harness.Station.SnapshotAsync(CancellationToken.None)).Connectors[0].Reservation);
    }

    [Fact]
    public async Task ReserveNow_with_an_expiryDate_in_the_past_is_rejected_and_changes_nothing()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.FenceAsync();

        var mark = session.LastSequence;
        var answer = await ReserveAsync(harness, session, 1, ValidIdTag, 1, -TimeSpan.FromSeconds(1));
        await harness.FlushAsync();

        Assert.Equal(ReservationStatus.Rejected, answer);
        Assert.Empty(session.CallsAfter<StatusNotificationRequest>(mark));
    }

    [Fact]
    public async Task ReserveNow_on_connector_0_is_rejected_when_the_model_sets_ReserveConnectorZeroSupported_false()
    {
        var model = StationModel.Tsct2007Cp with
        {
            Configuration = new Dictionary<string, ConfigurationKeyModel>(StationModel.Tsct2007Cp.Configuration) { ["ReserveConnectorZeroSupported"] = new() { Value = "false" } },
        };
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine) with { Model = model });
        var session = await harness.BootAsync();

        Assert.Equal(ReservationStatus.Rejected, await ReserveAsync(harness, session, 0, ValidIdTag, 1, Hour));
        Assert.Equal(ReservationStatus.Accepted, await ReserveAsync(harness, session, 1, ValidIdTag, 1, Hour));
    }

    [Fact]
    public async Task A_ReserveNow_with_the_id_of_a_reservation_in_force_replaces_it()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var reserved = session.LastSequence;
        Assert.Equal(ReservationStatus.Accepted, await ReserveAsync(harness, session, 1, ValidIdTag, 7, Hour));
        await session.NextStatus(reserved, 1, ChargePointStatus.Reserved);

        // Same id, another tag and a later expiry: accepted (the connector is reserved only by the reservation it replaces).
        Assert.Equal(ReservationStatus.Accepted, await ReserveAsync(harness, session, 1, ValidIdTag2, 7, 2 * Hour));
        var reservation = (await harness.Station.SnapshotAsync(CancellationToken.None)).Connectors[0].Reservation;
        Assert.Equal((7, ValidIdTag2), (reservation?.Id, reservation?.IdTag));

        // Another id on the reserved connector: Occupied.
        Assert.Equal(ReservationStatus.Occupied, await ReserveAsync(harness, session, 1, ValidIdTag, 8, Hour));

        // The first expiry passes: the replaced reservation's deadline no longer applies.
        var mark = session.LastSequence;
        await harness.AdvanceAsync(Hour + TimeSpan.FromSeconds(1));
        await harness.FlushAsync();
        Assert.DoesNotContain(session.CallsAfter<StatusNotificationRequest>(mark), s => s.ConnectorId == 1);
        await harness.AdvanceAsync(Hour);
        await session.NextStatus(mark, 1, ChargePointStatus.Available);
    }

    [Fact]
    public async Task A_remote_start_for_another_idTag_on_a_reserved_connector_is_rejected()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        Assert.Equal(ReservationStatus.Accepted, await ReserveAsync(harness, session, 1, ValidIdTag, 1, Hour));

        var mark = session.LastSequence;
        var answer = await session.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = ValidIdTag2 }).OrTimeout();
        await harness.FlushAsync();

        Assert.Equal(RemoteStartStopStatus.Rejected, answer.Status);
        Assert.Empty(session.CallsAfter<StartTransactionRequest>(mark));
    }

    [Fact]
    public async Task A_tag_of_another_group_is_refused_locally_after_its_Authorize()
    {
        // The reservation names a parent; the invalid tag's Authorize tells the station it is not of that group.
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine) with
        {
            CentralSystem = new() { HeartbeatInterval = 60, ParentIdTags = new Dictionary<string, string> { [ValidIdTag] = ParentIdTag, [ValidIdTag2] = "OTHER_GROUP" } },
        });
        var session = await harness.BootAsync();
        var reserved = session.LastSequence;
        var answer = await session.CallAsync(new ReserveNowRequest
        {
            ConnectorId = 1, IdTag = ValidIdTag, ParentIdTag = ParentIdTag, ReservationId = 1, ExpiryDate = harness.Clock.GetUtcNow() + Hour,
        }).OrTimeout();
        Assert.Equal(ReservationStatus.Accepted, answer.Status);

        // The Reserved notification follows the answer; waiting for it keeps it out of what the test asserts.
        await session.NextStatus(reserved, 1, ChargePointStatus.Reserved);

        var mark = session.LastSequence;
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.Hardware.PresentCardAsync(ValidIdTag2).OrTimeout();
        await session.Next<AuthorizeRequest>(mark);
        await harness.FlushAsync();

        Assert.Empty(session.CallsAfter<StartTransactionRequest>(mark));
        Assert.Empty(session.CallsAfter<StatusNotificationRequest>(mark));
    }

    [Fact]
    public async Task A_fault_on_a_reserved_connector_ends_the_reservation()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        Assert.Equal(ReservationStatus.Accepted, await ReserveAsync(harness, session, 1, ValidIdTag, 1, Hour));

        // §5.13: a reservation ends when its connector becomes Faulted; once the fault clears the connector is Available.
        var mark = session.LastSequence;
        await harness.Hardware.FaultAsync(1, ChargePointErrorCode.GroundFailure).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Faulted);
        await harness.Hardware.ClearFaultAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Available);

        Assert.Equal(CancelReservationStatus.Rejected, (await session.CallAsync(new CancelReservationRequest { ReservationId = 1 }).OrTimeout()).Status);
    }

    [Fact]
    public async Task ChangeAvailability_Inoperative_on_a_reserved_connector_ends_the_reservation()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        Assert.Equal(ReservationStatus.Accepted, await ReserveAsync(harness, session, 1, ValidIdTag, 1, Hour));

        var mark = session.LastSequence;
        await session.CallAsync(new ChangeAvailabilityRequest { ConnectorId = 1, Type = AvailabilityType.Inoperative }).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Unavailable);
        await session.CallAsync(new ChangeAvailabilityRequest { ConnectorId = 1, Type = AvailabilityType.Operative }).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Available);

        Assert.Null((await harness.Station.SnapshotAsync(CancellationToken.None)).Connectors[0].Reservation);
    }

    [Fact]
    public async Task Connector_0_keeps_the_last_free_connector_for_the_reserved_tag()
    {
        // No groups: a card could not stop the running transaction by its parent, so nothing makes the station ask about it.
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine) with { Model = TwoConnectors, CentralSystem = new() { HeartbeatInterval = 60 } });
        var session = await harness.BootAsync();
        await session.FenceAsync();

        // Two free connectors, one connector-0 reservation: neither shows Reserved yet.
        var mark = session.LastSequence;
        Assert.Equal(ReservationStatus.Accepted, await ReserveAsync(harness, session, 0, ValidIdTag, 5, Hour));
        await harness.FlushAsync();
        Assert.Empty(session.CallsAfter<StatusNotificationRequest>(mark));

        // Another tag takes connector 1: connector 2 is now kept, and shows Reserved.
        await harness.StartChargingAsync(session, ValidIdTag2, connectorId: 1);
        await session.NextStatus(mark, 2, ChargePointStatus.Reserved);
        Assert.Null(session.CallsAfter<StartTransactionRequest>(mark).Single().ReservationId);

        // A third tag may not have it: refused at once, no Authorize.
        var third = session.LastSequence;
        await harness.Hardware.PlugAsync(2).OrTimeout();
        await harness.Hardware.PresentCardAsync("RFID_THIRD").OrTimeout();
        await harness.FlushAsync();
        Assert.Empty(session.CallsAfter<AuthorizeRequest>(third));
        Assert.Empty(session.CallsAfter<StartTransactionRequest>(third));
        var snapshot = await harness.Station.SnapshotAsync(CancellationToken.None);
        Assert.Equal(5, snapshot.Connectors[1].Reservation?.Id);

        // The reserved tag may: its StartTransaction ends the reservation.
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        var start = await session.Next<StartTransactionRequest>(third);
        Assert.Equal((2, 5), (start.ConnectorId, start.ReservationId));
        await harness.FlushAsync();
        Assert.DoesNotContain((await harness.Station.SnapshotAsync(CancellationToken.None)).Connectors, c => c.Reservation is not null);
    }

    [Fact]
    public async Task A_connector_0_reservation_is_refused_Occupied_when_no_connector_would_stay_free()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine) with { Model = TwoConnectors });
        var session = await harness.BootAsync();
        Assert.Equal(ReservationStatus.Accepted, await ReserveAsync(harness, session, 1, ValidIdTag, 1, Hour));
        Assert.Equal(ReservationStatus.Accepted, await ReserveAsync(harness, session, 0, ValidIdTag2, 2, Hour));

        // Connector 2 is kept for reservation 2; neither a third reservation nor one of connector 2 by id fits.
        Assert.Equal(ReservationStatus.Occupied, await ReserveAsync(harness, session, 0, "RFID_THIRD", 3, Hour));
        Assert.Equal(ReservationStatus.Occupied, await ReserveAsync(harness, session, 2, "RFID_THIRD", 3, Hour));
    }

    [Fact]
    public async Task A_reservation_survives_a_reboot_and_a_power_loss_and_expires_on_time_after_them()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        Assert.Equal(ReservationStatus.Accepted, await ReserveAsync(harness, session, 1, ValidIdTag, 9, Hour));

        // Soft reset: the new instance reports Reserved at boot.
        var rebooted = harness.NextInstance;
        await session.CallAsync(new ResetRequest { Type = ResetType.Soft }).OrTimeout();
        await rebooted.OrTimeout();
        session = await harness.BootAsync();
        await session.NextStatus(0, 1, ChargePointStatus.Reserved);

        // kill -9 and a new process on the same data directory: still Reserved, still for the same tag.
        await harness.RestartProcessAsync();
        session = await harness.BootAsync();
        await session.NextStatus(0, 1, ChargePointStatus.Reserved);
        var reservation = (await harness.Station.SnapshotAsync(CancellationToken.None)).Connectors[0].Reservation;
        Assert.Equal((9, ValidIdTag), (reservation?.Id, reservation?.IdTag));

        var mark = session.LastSequence;
        await harness.AdvanceAsync(Hour);
        await session.NextStatus(mark, 1, ChargePointStatus.Available);
    }

    [Fact]
    public async Task A_reservation_that_expired_while_the_station_was_off_is_cleared_at_start()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        Assert.Equal(ReservationStatus.Accepted, await ReserveAsync(harness, session, 1, ValidIdTag, 9, TimeSpan.FromMinutes(1)));

        // As if the station was off past the expiry: the stored row's expiryDate is in the past when the next process starts.
        using (var database = StationDatabase.Open(harness.DataDirectory))
        {
            new SqliteReservationStore(database).Save(new StoredReservation(9, 1, ValidIdTag, null, harness.Clock.GetUtcNow() - TimeSpan.FromSeconds(1)));
        }

        await harness.RestartProcessAsync();
        session = await harness.BootAsync();
        await session.NextStatus(0, 1, ChargePointStatus.Available);

        var snapshot = await harness.Station.SnapshotAsync(CancellationToken.None);
        Assert.Null(snapshot.Connectors[0].Reservation);
        Assert.Equal(CancelReservationStatus.Rejected, (await session.CallAsync(new CancelReservationRequest { ReservationId = 9 }).OrTimeout()).Status);
    }

    private static async Task<ReservationStatus> ReserveAsync(StationHarness harness, CentralSystem.StationSession session, int connectorId, string idTag, int id, TimeSpan expiresIn)
    {
        var answer = await session.CallAsync(new ReserveNowRequest
        {
            ConnectorId = connectorId, IdTag = idTag, ReservationId = id, ExpiryDate = harness.Clock.GetUtcNow() + expiresIn,
        }).OrTimeout();
        return answer.Status;
    }
}
