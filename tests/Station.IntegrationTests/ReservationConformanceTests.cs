using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Configuration;
using Station.IntegrationTests.Support;
using Station.Model;
using Station.Reservation;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>
/// The Reservation cases of the certification (OCTT, shared/ocpp16/test-cases.md §7 and §9) against
/// the built-in Central System over loopback WebSockets, on the built-in one-connector model
/// (so "SetConnectorUnavailable for all unused connectors" has nothing to do).
/// </summary>
public sealed class ReservationConformanceTests(ITestOutputHelper output)
{
    private const int R = 4711;
    private static readonly TimeSpan ExpiryOffset = TimeSpan.FromMinutes(5);
    private static readonly StationModel WithoutReservation = StationModel.Tsct2007Cp with { DisabledProfiles = new HashSet<FeatureProfile> { FeatureProfile.Reservation } };

    [Fact]
    [Trait("Cert", "TC_046_1_CS")]
    public async Task TC_046_1_CS_Reservation_of_a_connector_local_start_transaction()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.FenceAsync();
        await ReserveAsync(harness, session, 1, ValidIdTag);

        // 2. A different card cannot use the connector: no Authorize.req, the connector stays Reserved.
        var other = session.LastSequence;
        await harness.Hardware.PresentCardAsync(ValidIdTag2).OrTimeout();
        await harness.FlushAsync();
        Assert.Empty(session.CallsAfter<AuthorizeRequest>(other));
        Assert.Empty(session.CallsAfter<StatusNotificationRequest>(other));

        // 3. The reserved card: (optional Authorize) and Preparing.
        var mark = session.LastSequence;
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);

        // 4–5. Plug in: StartTransaction with the idTag and reservationId R, then Charging.
        await harness.Hardware.PlugAsync(1).OrTimeout();
        var start = await session.Next<StartTransactionRequest>(mark);
        await session.NextStatus(mark, 1, ChargePointStatus.Charging);
        Assert.Equal((ValidIdTag, R), (start.IdTag, start.ReservationId));
        Assert.Null((await harness.Station.SnapshotAsync(CancellationToken.None)).Connectors[0].Reservation);
    }

    [Fact]
    [Trait("Cert", "TC_046_2_CS")]
    public async Task TC_046_2_CS_Reservation_of_a_connector_remote_start_transaction()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.FenceAsync();
        await ReserveAsync(harness, session, 1, ValidIdTag);

        // Reusable state Charging: the plug does not end Reserved; Preparing comes after the RemoteStart.
        var start = await ChargeReservedAsync(harness, session, 1, ValidIdTag);

        Assert.Equal((ValidIdTag, R), (start.IdTag, start.ReservationId));
    }

    [Fact]
    [Trait("Cert", "TC_047_CS")]
    public async Task TC_047_CS_Reservation_of_a_connector_expire()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.FenceAsync();
        await ReserveAsync(harness, session, 1, ValidIdTag);

        // 2. Nobody comes: at expiryDate (virtual time) the connector is Available again, not a moment before.
        var mark = session.LastSequence;
        await harness.AdvanceAsync(ExpiryOffset - TimeSpan.FromSeconds(1));
        await harness.FlushAsync();
        Assert.Empty(session.CallsAfter<StatusNotificationRequest>(mark));
        await harness.AdvanceAsync(TimeSpan.FromSeconds(1));
        await session.NextStatus(mark, 1, ChargePointStatus.Available);

        // 3. Another valid tag charges: the reservation is gone.
        await harness.RemoteStartChargingAsync(session, ValidIdTag2);
        Assert.Null(session.CallsAfter<StartTransactionRequest>(mark).Single().ReservationId);
    }

    [Fact]
    [Trait("Cert", "TC_048_1_CS")]
    public async Task TC_048_1_CS_Reservation_of_a_connector_faulted()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var mark = session.LastSequence;
        await harness.Hardware.FaultAsync(1, ChargePointErrorCode.GroundFailure).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Faulted);

        Assert.Equal(ReservationStatus.Faulted, await ReserveStatusAsync(harness, session, 1, ValidIdTag));
        await harness.Hardware.ClearFaultAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Available);
        await AssertOperatesNormallyAsync(harness, session);
    }

    [Fact]
    [Trait("Cert", "TC_048_2_CS")]
    public async Task TC_048_2_CS_Reservation_of_a_connector_occupied()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var mark = session.LastSequence;
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);

        Assert.Equal(ReservationStatus.Occupied, await ReserveStatusAsync(harness, session, 1, ValidIdTag));

        // The CP keeps operating normally: the plugged EV starts with a card.
        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        var start = await session.Next<StartTransactionRequest>(mark);
        Assert.Null(start.ReservationId);
    }

    [Fact]
    [Trait("Cert", "TC_048_3_CS")]
    public async Task TC_048_3_CS_Reservation_of_a_connector_unavailable()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var mark = session.LastSequence;
        Assert.Equal(AvailabilityStatus.Accepted, (await session.CallAsync(new ChangeAvailabilityRequest { ConnectorId = 1, Type = AvailabilityType.Inoperative }).OrTimeout()).Status);
        await session.NextStatus(mark, 1, ChargePointStatus.Unavailable);

        Assert.Equal(ReservationStatus.Unavailable, await ReserveStatusAsync(harness, session, 1, ValidIdTag));
        await session.CallAsync(new ChangeAvailabilityRequest { ConnectorId = 1, Type = AvailabilityType.Operative }).OrTimeout();
        await AssertOperatesNormallyAsync(harness, session);
    }

    [Fact]
    [Trait("Cert", "TC_048_4_CS")]
    public async Task TC_048_4_CS_Reservation_of_a_connector_rejected()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine) with { Model = WithoutReservation });
        var session = await harness.BootAsync();
        await AssertProfileAbsentAsync(session);

        // Rejected, not a CALLERROR; CancelReservation too.
        Assert.Equal(ReservationStatus.Rejected, await ReserveStatusAsync(harness, session, 1, ValidIdTag));
        Assert.Equal(CancelReservationStatus.Rejected, (await session.CallAsync(new CancelReservationRequest { ReservationId = R }).OrTimeout()).Status);
        await AssertOperatesNormallyAsync(harness, session);
    }

    [Fact]
    [Trait("Cert", "TC_049_CS")]
    public async Task TC_049_CS_Reservation_of_a_charge_point_transaction()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.FenceAsync();
        var zero = await session.CallAsync(new GetConfigurationRequest { Key = [ReservationKeys.ReserveConnectorZeroSupported] }).OrTimeout();
        Assert.Equal("true", Assert.Single(zero.ConfigurationKey!).Value);

        // 1. Connector 0: the one free connector is kept for the tag.
        await ReserveAsync(harness, session, 0, ValidIdTag, reservedConnector: 1);

        // 2. Charging on it with the reserved tag carries the reservationId.
        var start = await ChargeReservedAsync(harness, session, 1, ValidIdTag);
        Assert.Equal((ValidIdTag, R), (start.IdTag, start.ReservationId));
    }

    [Fact]
    [Trait("Cert", "TC_050_1_CS")]
    public async Task TC_050_1_CS_Reservation_of_a_charge_point_faulted()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var mark = session.LastSequence;
        await harness.Hardware.FaultAsync(0, ChargePointErrorCode.OtherError, "station fault").OrTimeout();
        await session.NextStatus(mark, 0, ChargePointStatus.Faulted);
        await session.NextStatus(mark, 1, ChargePointStatus.Faulted);

        Assert.Equal(ReservationStatus.Faulted, await ReserveStatusAsync(harness, session, 0, ValidIdTag));
    }

    [Fact]
    [Trait("Cert", "TC_050_2_CS")]
    public async Task TC_050_2_CS_Reservation_of_a_charge_point_occupied()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var mark = session.LastSequence;
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);

        Assert.Equal(ReservationStatus.Occupied, await ReserveStatusAsync(harness, session, 0, ValidIdTag));
    }

    [Fact]
    [Trait("Cert", "TC_050_3_CS")]
    public async Task TC_050_3_CS_Reservation_of_a_charge_point_unavailable()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        var mark = session.LastSequence;
        await session.CallAsync(new ChangeAvailabilityRequest { ConnectorId = 0, Type = AvailabilityType.Inoperative }).OrTimeout();
        await session.NextStatus(mark, 0, ChargePointStatus.Unavailable);
        await session.NextStatus(mark, 1, ChargePointStatus.Unavailable);

        Assert.Equal(ReservationStatus.Unavailable, await ReserveStatusAsync(harness, session, 0, ValidIdTag));
    }

    [Fact]
    [Trait("Cert", "TC_050_4_CS")]
    public async Task TC_050_4_CS_Reservation_of_a_charge_point_rejected()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine) with { Model = WithoutReservation });
        var session = await harness.BootAsync();

        Assert.Equal(ReservationStatus.Rejected, await ReserveStatusAsync(harness, session, 0, ValidIdTag));
        await AssertOperatesNormallyAsync(harness, session);
    }

    [Fact]
    [Trait("Cert", "TC_051_CS")]
    public async Task TC_051_CS_Cancel_reservation()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.FenceAsync();
        await ReserveAsync(harness, session, 1, ValidIdTag);

        // 1–2. Accepted, then Available after the answer.
        var mark = session.LastSequence;
        var (answer, answered) = await session.CallRecordedAsync(new CancelReservationRequest { ReservationId = R });
        Assert.Equal(CancelReservationStatus.Accepted, answer.Status);
        var (_, available) = await session.NextCallAsync<StatusNotificationRequest>(mark, s => s.ConnectorId == 1 && s.Status == ChargePointStatus.Available);
        Assert.True(available > answered);

        // 3. Another tag charges, without a reservationId.
        await harness.RemoteStartChargingAsync(session, ValidIdTag2);
        Assert.Null(session.CallsAfter<StartTransactionRequest>(mark).Single().ReservationId);
    }

    [Fact]
    [Trait("Cert", "TC_052_CS")]
    public async Task TC_052_CS_Cancel_reservation_rejected()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.FenceAsync();
        await ReserveAsync(harness, session, 1, ValidIdTag);

        var mark = session.LastSequence;
        var answer = await session.CallAsync(new CancelReservationRequest { ReservationId = R + 1 }).OrTimeout();
        await harness.FlushAsync();

        // The existing reservation remains: no status change, still shown, still only for its tag.
        Assert.Equal(CancelReservationStatus.Rejected, answer.Status);
        Assert.Empty(session.CallsAfter<StatusNotificationRequest>(mark));
        var snapshot = await harness.Station.SnapshotAsync(CancellationToken.None);
        Assert.Equal(R, snapshot.Connectors[0].Reservation?.Id);
        Assert.Equal(ChargePointStatus.Reserved, snapshot.Connectors[0].Status);
    }

    [Fact]
    [Trait("Cert", "TC_053_CS")]
    public async Task TC_053_CS_Use_a_reserved_connector_with_parentIdTag()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine));
        var session = await harness.BootAsync();
        await session.FenceAsync();
        await ReserveAsync(harness, session, 1, ValidIdTag, parentIdTag: ParentIdTag);

        // 2. Authorized with the second tag: the Central System gives it the reservation's parent.
        var mark = session.LastSequence;
        await harness.Hardware.PresentCardAsync(ValidIdTag2).OrTimeout();
        var authorize = await session.Next<AuthorizeRequest>(mark);
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);

        // 3. Plug in: StartTransaction with reservationId R, and Charging.
        await harness.Hardware.PlugAsync(1).OrTimeout();
        var start = await session.Next<StartTransactionRequest>(mark);
        await session.NextStatus(mark, 1, ChargePointStatus.Charging);
        Assert.Equal(ValidIdTag2, authorize.IdTag);
        Assert.Equal((ValidIdTag2, R), (start.IdTag, start.ReservationId));
    }

    [Fact]
    [Trait("Cert", "TC_053_1_CS")]
    public async Task TC_053_1_CS_Use_a_reserved_connector_with_parentIdTag_local_from_the_cache()
    {
        // The second tag's parent comes from the authorization cache: with LocalPreAuthorize, no Authorize at all.
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new() { [CoreKeys.LocalPreAuthorize] = "true" }));
        var session = await harness.BootAsync();
        await harness.CacheAsync(session, ValidIdTag2);
        await ReserveAsync(harness, session, 1, ValidIdTag, parentIdTag: ParentIdTag);

        var mark = session.LastSequence;
        await harness.Hardware.PresentCardAsync(ValidIdTag2).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);
        await harness.Hardware.PlugAsync(1).OrTimeout();
        var start = await session.Next<StartTransactionRequest>(mark);
        await session.NextStatus(mark, 1, ChargePointStatus.Charging);

        Assert.Empty(session.CallsAfter<AuthorizeRequest>(mark));
        Assert.Equal((ValidIdTag2, R), (start.IdTag, start.ReservationId));
    }

    [Fact]
    [Trait("Cert", "TC_053_2_CS")]
    public async Task TC_053_2_CS_Use_a_reserved_connector_with_parentIdTag_remote()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new() { [CoreKeys.AuthorizeRemoteTxRequests] = "true" }));
        var session = await harness.BootAsync();
        await session.FenceAsync();
        await ReserveAsync(harness, session, 1, ValidIdTag, parentIdTag: ParentIdTag);

        var start = await ChargeReservedAsync(harness, session, 1, ValidIdTag2);

        Assert.Equal((ValidIdTag2, R), (start.IdTag, start.ReservationId));
    }

    // Reusable state Reserved: ReserveNow Accepted, then StatusNotification Reserved after the answer.
    internal static async Task ReserveAsync(
        StationHarness harness, StationSession session, int connectorId, string idTag, string? parentIdTag = null, int reservationId = R, int? reservedConnector = null)
    {
        var mark = session.LastSequence;
        var (answer, answered) = await session.CallRecordedAsync(new ReserveNowRequest
        {
            ConnectorId = connectorId, IdTag = idTag, ParentIdTag = parentIdTag, ReservationId = reservationId, ExpiryDate = harness.Clock.GetUtcNow() + ExpiryOffset,
        });
        Assert.Equal(ReservationStatus.Accepted, answer.Status);
        var shown = reservedConnector ?? connectorId;
        var (_, reserved) = await session.NextCallAsync<StatusNotificationRequest>(mark, s => s.ConnectorId == shown && s.Status == ChargePointStatus.Reserved);
        Assert.True(reserved > answered, "StatusNotification Reserved came before the ReserveNow.conf");
    }

    // Reusable state Charging on a reserved connector: plugging keeps Reserved; RemoteStart → Preparing → StartTransaction → Charging.
    internal static async Task<StartTransactionRequest> ChargeReservedAsync(StationHarness harness, StationSession session, int connectorId, string idTag)
    {
        var mark = session.LastSequence;
        await harness.Hardware.PlugAsync(connectorId).OrTimeout();
        await harness.FlushAsync();
        Assert.Empty(session.CallsAfter<StatusNotificationRequest>(mark));
        var answer = await session.CallAsync(new RemoteStartTransactionRequest { ConnectorId = connectorId, IdTag = idTag }).OrTimeout();
        Assert.Equal(RemoteStartStopStatus.Accepted, answer.Status);
        var (_, preparing) = await session.NextCallAsync<StatusNotificationRequest>(mark, s => s.ConnectorId == connectorId && s.Status == ChargePointStatus.Preparing);
        var (start, started) = await session.NextCallAsync<StartTransactionRequest>(mark);
        await session.NextStatus(mark, connectorId, ChargePointStatus.Charging);
        Assert.True(preparing < started, "Preparing came after the StartTransaction");
        return start;
    }

    private static async Task<ReservationStatus> ReserveStatusAsync(StationHarness harness, StationSession session, int connectorId, string idTag)
    {
        var answer = await session.CallAsync(new ReserveNowRequest
        {
            ConnectorId = connectorId, IdTag = idTag, ReservationId = R, ExpiryDate = harness.Clock.GetUtcNow() + ExpiryOffset,
        }).OrTimeout();
        return answer.Status;
    }

    // "The Charge Point continues normal operation": a regular session runs, nothing is reserved.
    private static async Task AssertOperatesNormallyAsync(StationHarness harness, StationSession session)
    {
        var mark = session.LastSequence;
        await harness.StartChargingAsync(session, ValidIdTag);
        Assert.Null(session.CallsAfter<StartTransactionRequest>(mark).Single().ReservationId);
    }

    private static async Task AssertProfileAbsentAsync(StationSession session)
    {
        var answer = await session.CallAsync(new GetConfigurationRequest { Key = [CoreKeys.SupportedFeatureProfiles, ReservationKeys.ReserveConnectorZeroSupported] }).OrTimeout();
        Assert.DoesNotContain("Reservation", Assert.Single(answer.ConfigurationKey!).Value!, StringComparison.Ordinal);
        Assert.Equal([ReservationKeys.ReserveConnectorZeroSupported], answer.UnknownKey);
    }
}
