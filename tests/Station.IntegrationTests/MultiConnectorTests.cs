using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;
using static Station.IntegrationTests.Scenarios;

namespace Station.IntegrationTests;

/// <summary>A station with two connectors and one reader.</summary>
public sealed class MultiConnectorTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_remote_start_without_connector_takes_the_plugged_connector_of_a_two_connector_station()
    {
        var model = Station.Model.StationModel.Tsct2007Cp with { Connectors = [new Station.Model.ConnectorModel(), new Station.Model.ConnectorModel()] };
        await using var harness = await StationHarness.StartAsync(CertificationOptions(output.WriteLine) with { Model = model });
        var session = await harness.BootAsync();
        var mark = session.LastSequence;
        await harness.Hardware.PlugAsync(2).OrTimeout();
        await session.NextStatus(mark, 2, ChargePointStatus.Preparing);

        var answer = await session.CallAsync(new RemoteStartTransactionRequest { IdTag = ValidIdTag }).OrTimeout();

        Assert.Equal(RemoteStartStopStatus.Accepted, answer.Status);
        var start = await session.Next<StartTransactionRequest>(mark);
        Assert.Equal(2, start.ConnectorId);
    }

    [Fact]
    [Trait("Cert", "TC_006_CS")]
    public async Task One_reader_for_two_connectors_starts_where_the_cable_goes_in()
    {
        // Legacy TC_006: a card authorizes, the connector is chosen by plugging in. The two cards belong to
        // no common group here; a card of the running transaction's group would stop it instead (TC_069).
        var model = Station.Model.StationModel.Tsct2007Cp with { Connectors = [new Station.Model.ConnectorModel(), new Station.Model.ConnectorModel()] };
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine, Model = model });
        var session = await harness.BootAsync();
        var mark = session.LastSequence;

        await harness.Hardware.PresentCardAsync(ValidIdTag).OrTimeout();
        await session.Next<AuthorizeRequest>(mark);
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        await harness.Hardware.PlugAsync(2).OrTimeout();
        var first = await session.Next<StartTransactionRequest>(mark);
        await harness.Hardware.PresentCardAsync(ValidIdTag2).OrTimeout();
        await session.Next<AuthorizeRequest>(mark, a => a.IdTag == ValidIdTag2);
        await harness.Station.Runtime.Background.WhenIdleAsync().OrTimeout();
        await harness.Hardware.PlugAsync(1).OrTimeout();
        var second = await session.Next<StartTransactionRequest>(mark, s => s.IdTag == ValidIdTag2);

        Assert.Equal(2, first.ConnectorId);
        Assert.Equal(1, second.ConnectorId);
    }
}
