using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.Model;
using Station.Tests.Support;
using Xunit;

namespace Station.Tests.Transactions;

/// <summary>
/// What a presented card means on a station with two connectors (C-07, C-08): where it starts,
/// what it stops, when it waits for a cable.
/// </summary>
public sealed class CardTests : IAsyncLifetime
{
    private static readonly StationModel TwoConnectors = StationModel.Tsct2007Cp with { Connectors = [new ConnectorModel(), new ConnectorModel()] };

    private SessionHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SessionHarness.StartAsync(new BlockHarnessOptions { Model = TwoConnectors });

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    [Trait("Cert", "C-07")]
    public async Task A_card_with_one_cable_plugged_in_starts_on_that_connector()
    {
        await _harness.Hardware.PlugAsync(2).AsTask().OrTimeout();

        await PresentAsync("CARD-1");

        Assert.Null(_harness.Transactions.On(1));
        Assert.Equal("CARD-1", _harness.Transactions.On(2)!.IdTag);
        Assert.Equal("CARD-1", (await _harness.Block.CentralSystem.NextCallOfAsync<AuthorizeRequest>()).IdTag);
    }

    [Fact]
    [Trait("Cert", "C-07")]
    public async Task A_card_with_several_free_connectors_waits_for_the_first_cable_and_starts_there()
    {
        await PresentAsync("CARD-1");
        Assert.Equal("CARD-1", _harness.Transactions.PendingOn(0)!.IdTag);
        Assert.Empty(_harness.Transactions.Active);

        await _harness.Hardware.PlugAsync(2).AsTask().OrTimeout();

        Assert.Null(_harness.Transactions.PendingOn(0));
        Assert.Equal("CARD-1", _harness.Transactions.On(2)!.IdTag);
        Assert.Null(_harness.Transactions.On(1));
    }

    [Fact]
    public async Task A_card_with_one_free_connector_waits_on_that_connector()
    {
        await _harness.StartTransactionAsync(1, "OTHER");

        await PresentAsync("CARD-1");

        Assert.Equal("CARD-1", _harness.Transactions.PendingOn(2)!.IdTag);
        Assert.Null(_harness.Transactions.PendingOn(0));
    }

    [Fact]
    [Trait("Cert", "TC_004_2_CS")]
    public async Task A_card_waiting_for_any_cable_gives_up_after_ConnectionTimeOut()
    {
        await PresentAsync("CARD-1");

        await _harness.Block.AdvanceAsync(TimeSpan.FromSeconds(60));

        Assert.Null(_harness.Transactions.PendingOn(0));
        await _harness.Hardware.PlugAsync(1).AsTask().OrTimeout();
        Assert.Empty(_harness.Transactions.Active);
    }

    [Fact]
    public async Task A_card_presented_again_while_waiting_for_any_cable_withdraws_its_authorization()
    {
        await PresentAsync("CARD-1");

        await PresentAsync("card-1");

        Assert.Null(_harness.Transactions.PendingOn(0));
        Assert.Single(_harness.Block.CentralSystem.TakeCalls().OfType<AuthorizeRequest>());
        Assert.Contains(_harness.Block.Logs.Entries, e => e.EventId.Id == 2312);
    }

    [Fact]
    [Trait("Cert", "C-08")]
    public async Task The_card_of_a_running_transaction_stops_it_whatever_the_case_of_its_letters()
    {
        await _harness.StartTransactionAsync(2, "Card-1");

        await PresentAsync("CARD-1");

        Assert.Null(_harness.Transactions.On(2));
        var stop = await NextStopAsync();
        Assert.Equal((Reason.Local, "CARD-1"), (stop.Reason!.Value, stop.IdTag));
    }

    [Fact]
    public async Task A_refused_card_starts_nothing()
    {
        _harness.Block.CentralSystem.Answer(OcppActions.Authorize, _ => new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Blocked } });
        await _harness.Hardware.PlugAsync(1).AsTask().OrTimeout();

        await PresentAsync("CARD-1");

        Assert.Empty(_harness.Transactions.Active);
        Assert.Null(_harness.Transactions.PendingOn(1));
        Assert.Contains(_harness.Block.Logs.Entries, e => e.EventId.Id == 2314);
    }

    [Fact]
    [Trait("Cert", "TC_006_CS")]
    public async Task A_card_of_the_same_group_starts_a_new_session_on_a_free_connector_instead_of_stopping()
    {
        AnswerAuthorizeWithParent("fleet");
        await _harness.StartTransactionAsync(1, "CARD-1", parentIdTag: "FLEET");

        await PresentAsync("CARD-2");

        Assert.Equal("CARD-1", _harness.Transactions.On(1)!.IdTag);
        Assert.Equal("CARD-2", _harness.Transactions.PendingOn(2)!.IdTag);
        Assert.DoesNotContain(await _harness.Block.FlushAsync(), c => c is StopTransactionRequest);
    }

    [Fact]
    [Trait("Cert", "TC_069_CS")]
    public async Task A_card_of_the_same_group_stops_the_transaction_of_its_group_when_no_connector_is_free()
    {
        AnswerAuthorizeWithParent("fleet");
        await _harness.StartTransactionAsync(1, "CARD-1", parentIdTag: "FLEET");
        await _harness.StartTransactionAsync(2, "OTHER", parentIdTag: null);

        await PresentAsync("CARD-2");

        Assert.Null(_harness.Transactions.On(1));
        Assert.Equal("OTHER", _harness.Transactions.On(2)!.IdTag);
        var stop = await NextStopAsync();
        Assert.Equal((Reason.Local, "CARD-2"), (stop.Reason!.Value, stop.IdTag));
    }

    [Fact]
    [Trait("Cert", "TC_069_CS")]
    public async Task A_group_stop_needs_the_parent_of_this_cards_own_authorization()
    {
        AnswerAuthorizeWithParent("OTHER-GROUP");
        await _harness.StartTransactionAsync(1, "CARD-1", parentIdTag: "FLEET");
        await _harness.StartTransactionAsync(2, "CARD-3", parentIdTag: "FLEET");

        await PresentAsync("CARD-2");

        Assert.Equal(2, _harness.Transactions.Active.Count());
        Assert.Contains(_harness.Block.Logs.Entries, e => e.EventId.Id == 2316);
    }

    [Fact]
    [Trait("Cert", "C-07")]
    public async Task A_card_waiting_for_any_cable_shows_every_free_connector_Preparing_and_the_others_go_back_once_a_cable_picks_one()
    {
        await _harness.Block.LockedAsync(_harness.Connectors.Refresh);
        await _harness.Block.FlushAsync();

        await PresentAsync("CARD-1");
        var waiting = await _harness.Block.FlushStatusesAsync();
        await _harness.Hardware.PlugAsync(2).AsTask().OrTimeout();
        var picked = await _harness.Block.FlushStatusesAsync();

        Assert.Equal([(1, ChargePointStatus.Preparing), (2, ChargePointStatus.Preparing)], waiting.Select(s => (s.ConnectorId, s.Status)).Order());
        Assert.Equal([(1, ChargePointStatus.Available), (2, ChargePointStatus.Charging)], picked.Select(s => (s.ConnectorId, s.Status)).Order());
    }

    [Fact]
    [Trait("Cert", "TC_004_2_CS")]
    public async Task Free_connectors_shown_Preparing_for_a_waiting_card_are_Available_again_after_ConnectionTimeOut()
    {
        var three = await SessionHarness.StartAsync(
            new BlockHarnessOptions { Model = StationModel.Tsct2007Cp with { Connectors = [new ConnectorModel(), new ConnectorModel(), new ConnectorModel()] } });
        await using (three)
        {
            await three.StartTransactionAsync(1, "OTHER");
            await three.Block.FlushAsync();

            await three.Hardware.PresentCardAsync("CARD-1").AsTask().OrTimeout();
            await three.Block.Runtime.Background.WhenIdleAsync().OrTimeout();
            var waiting = await three.Block.FlushStatusesAsync();
            await three.Block.AdvanceAsync(TimeSpan.FromSeconds(60));
            var expired = await three.Block.FlushStatusesAsync();

            Assert.Equal([(2, ChargePointStatus.Preparing), (3, ChargePointStatus.Preparing)], waiting.Select(s => (s.ConnectorId, s.Status)).Order());
            Assert.Equal([(2, ChargePointStatus.Available), (3, ChargePointStatus.Available)], expired.Select(s => (s.ConnectorId, s.Status)).Order());
            Assert.Null(three.Transactions.PendingOn(0));
        }
    }

    [Fact]
    [Trait("Cert", "TC_068_CS")]
    public async Task A_card_that_could_neither_start_nor_stop_anything_is_not_even_authorized()
    {
        await _harness.StartTransactionAsync(1, "OTHER-1");
        await _harness.StartTransactionAsync(2, "OTHER-2");

        await PresentAsync("CARD-1");

        Assert.DoesNotContain(await _harness.Block.FlushAsync(), c => c is AuthorizeRequest);
        Assert.Contains(_harness.Block.Logs.Entries, e => e.EventId.Id == 2313);
    }

    [Fact]
    [Trait("Cert", "C-08")]
    public async Task The_stop_button_ends_the_transaction_with_reason_Local_and_no_idTag_or_else_a_waiting_authorization()
    {
        await _harness.StartTransactionAsync(1, "CARD-1");
        await _harness.Block.LockedAsync(() => _harness.Transactions.AuthorizeAsync(2, new("CARD-2", null)));

        await _harness.Hardware.PressStopButtonAsync(1).AsTask().OrTimeout();
        await _harness.Hardware.PressStopButtonAsync(2).AsTask().OrTimeout();

        var stop = await NextStopAsync();
        Assert.Equal((Reason.Local, (string?)null), (stop.Reason!.Value, stop.IdTag));
        Assert.Null(_harness.Transactions.PendingOn(2));
    }

    private async Task PresentAsync(string idTag)
    {
        await _harness.Hardware.PresentCardAsync(idTag).AsTask().OrTimeout();
        await _harness.Block.Runtime.Background.WhenIdleAsync().OrTimeout();
    }

    private void AnswerAuthorizeWithParent(string parentIdTag) =>
        _harness.Block.CentralSystem.Answer(OcppActions.Authorize, _ => new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted, ParentIdTag = parentIdTag } });

    private Task<StopTransactionRequest> NextStopAsync() => _harness.Block.CentralSystem.NextCallOfAsync<StopTransactionRequest>();
}
