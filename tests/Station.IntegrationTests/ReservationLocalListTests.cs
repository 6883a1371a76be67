using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Configuration;
using Station.IntegrationTests.Support;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>
/// A reservation with a parentIdTag decided by the Local Authorization List (issue 10: list entries
/// carry their parentIdTag and take precedence over the cache), over loopback WebSockets.
/// </summary>
public sealed class ReservationLocalListTests(ITestOutputHelper output)
{
    private const int ReservationId = 31;

    [Fact]
    public async Task A_tag_listed_with_the_reservations_parent_uses_it_without_an_Authorize()
    {
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new() { [CoreKeys.LocalPreAuthorize] = "true" }));
        var session = await harness.BootAsync();
        await SendListAsync(session, ParentIdTag);
        await ReservationConformanceTests.ReserveAsync(harness, session, 1, ValidIdTag, ParentIdTag, ReservationId);

        var mark = session.LastSequence;
        await harness.Hardware.PresentCardAsync(ValidIdTag2).OrTimeout();
        await session.NextStatus(mark, 1, ChargePointStatus.Preparing);
        await harness.Hardware.PlugAsync(1).OrTimeout();
        var start = await session.Next<StartTransactionRequest>(mark);
        await session.NextStatus(mark, 1, ChargePointStatus.Charging);

        Assert.Empty(session.CallsAfter<AuthorizeRequest>(mark));
        Assert.Equal((ValidIdTag2, ReservationId), (start.IdTag, start.ReservationId));

        // The journal keeps which reservation the transaction used (it is not only in the queued message).
        Assert.Equal(ReservationId, harness.TransactionStore.LoadOpen().Single().ReservationId);
    }

    [Fact]
    public async Task A_tag_listed_in_another_group_is_refused_even_when_the_cache_knows_the_reservations_parent()
    {
        // The Central System would answer the reservation's parent (so the cache holds it), but the
        // list says OTHER_GROUP: the list wins (C-04), the reserved connector stays Reserved.
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine, new() { [CoreKeys.LocalPreAuthorize] = "true" }));
        var session = await harness.BootAsync();
        await harness.CacheAsync(session, ValidIdTag2);
        await SendListAsync(session, "OTHER_GROUP");
        await ReservationConformanceTests.ReserveAsync(harness, session, 1, ValidIdTag, ParentIdTag, ReservationId);

        var mark = session.LastSequence;
        await harness.Hardware.PresentCardAsync(ValidIdTag2).OrTimeout();
        await harness.Hardware.PlugAsync(1).OrTimeout();
        await harness.FlushAsync();

        Assert.Empty(session.CallsAfter<StartTransactionRequest>(mark));
        Assert.Empty(session.CallsAfter<StatusNotificationRequest>(mark));
        var reservation = (await harness.Station.SnapshotAsync(CancellationToken.None)).Connectors[0].Reservation;
        Assert.Equal(ReservationId, reservation?.Id);
    }

    private static async Task SendListAsync(CentralSystem.StationSession session, string parentIdTag)
    {
        var entry = new AuthorizationData { IdTag = ValidIdTag2, IdTagInfo = new() { Status = AuthorizationStatus.Accepted, ParentIdTag = parentIdTag } };
        var answer = await session.CallAsync(new SendLocalListRequest { ListVersion = 1, UpdateType = UpdateType.Full, LocalAuthorizationList = [entry] }).OrTimeout();
        Assert.Equal(UpdateStatus.Accepted, answer.Status);
    }
}
