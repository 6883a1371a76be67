using System.Globalization;
using Browser.Tests.Support;
using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Browser.Tests;

/// <summary>
/// The built-in Central System's web UI in a real headless Chromium, with a real station core
/// connected over a loopback WebSocket. Each view is saved as a screenshot (TestResults/screenshots).
/// </summary>
public sealed class CsmsUiTests(ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    private const string StationId = "CP001";

    [SkippableFact]
    public async Task The_page_shows_the_station_sends_a_RemoteStartTransaction_from_the_form_and_shows_the_transaction_start()
    {
        var browser = chromium.Browser;
        await using var harness = await StartAsync();
        var session = await harness.BootAsync();
        await harness.Hardware.PlugAsync(1).AsTask().OrTimeout();

        var page = browser.Open(BaseUrl(harness));

        // The station as the Central System saw it boot: identity, registration, connector statuses.
        var card = page.WaitFor($"article.station[data-station=\"{StationId}\"]", "TSCT-2007CP");
        Assert.Contains("Accepted", card.Text, StringComparison.Ordinal);
        page.WaitFor($"article.station[data-station=\"{StationId}\"] tr[data-connector=\"1\"]", "Preparing");
        page.WaitFor("tr.frame[data-action=\"BootNotification\"][data-direction=\"received\"]");
        page.WaitFor("#live", "live");
        var timings = page.Timings();
        Artifacts.Report(output, $"page load: {timings}");
        Assert.All(timings.Resources, url => Assert.StartsWith(timings.Origin + "/", url, StringComparison.Ordinal));
        page.Screenshot("csms-1-station-connected");

        // The form of RemoteStartTransaction, built from its schema: idTag is required, connectorId is not.
        page.Choose("#send-station", StationId);
        page.Choose("#send-action", "RemoteStartTransaction");
        page.WaitFor("#send-fields label.field .name.required", "idTag");
        page.Type("#send-fields [name=\"idTag\"]", "WEB-APP-1");
        page.Type("#send-fields [name=\"connectorId\"]", "1");
        var mark = session.LastSequence;
        page.Click("#send-button");

        page.WaitFor("#send-result[data-ok=\"true\"]", "\"Accepted\"");
        var start = await session.WaitForCallAsync<StartTransactionRequest>(mark).OrTimeout();
        Assert.Equal(("WEB-APP-1", 1), (start.IdTag, start.ConnectorId));
        page.WaitFor("tr.frame[data-action=\"StartTransaction\"][data-direction=\"received\"]");
        page.WaitFor($"article.station[data-station=\"{StationId}\"] tr[data-transaction=\"1\"]", "WEB-APP-1");
        page.WaitFor($"article.station[data-station=\"{StationId}\"] tr[data-connector=\"1\"]", "Charging");

        // A minute of charging in the station's virtual time: its MeterValues move the energy shown.
        await harness.AdvanceAsync(TimeSpan.FromSeconds(61));
        var meterValues = await session.WaitForCallAsync<MeterValuesRequest>(mark).OrTimeout();
        var energy = double.Parse(meterValues.MeterValue[^1].SampledValue.First(v => v.Measurand is null or Measurand.EnergyActiveImportRegister).Value, CultureInfo.InvariantCulture);
        Assert.True(energy > start.MeterStart, $"the EV charged: {energy} Wh after {start.MeterStart} Wh");
        page.WaitFor("tr.frame[data-action=\"MeterValues\"][data-direction=\"received\"]");
        var transaction = page.WaitFor(
            $"article.station[data-station=\"{StationId}\"] tr[data-transaction=\"1\"]", $"{Math.Round(energy - start.MeterStart).ToString(CultureInfo.InvariantCulture)} Wh");
        Assert.Contains("WEB-APP-1", transaction.Text, StringComparison.Ordinal);
        Artifacts.SaveReadmeImage(page.Screenshot("csms-2-transaction-started"), "csms-ui.png");
    }

    [SkippableFact]
    public async Task The_log_opens_a_frame_and_filters_by_action_and_a_refused_request_shows_its_reason()
    {
        var browser = chromium.Browser;
        await using var harness = await StartAsync();
        await harness.BootAsync();
        var page = browser.Open(BaseUrl(harness));
        page.WaitFor($"article.station[data-station=\"{StationId}\"]");

        // A Reset without its required type: the Central System refuses it with the codec's reason.
        page.Choose("#send-action", "Reset");
        page.WaitFor("#send-fields select[name=\"type\"]");
        page.Click("#send-button");
        page.WaitFor("#send-result[data-ok=\"false\"]", "OccurenceConstraintViolation");
        Assert.Contains("HTTP 400", page.Text("#send-status"), StringComparison.Ordinal);

        // Another request typed as JSON.
        page.Choose("#send-action", "TriggerMessage");
        page.WaitFor("#send-fields select[name=\"requestedMessage\"]");
        page.Click("#send-mode-json");
        page.Type("#send-json", """{"requestedMessage": "Heartbeat"}""");
        page.Click("#send-button");
        page.WaitFor("#send-result[data-ok=\"true\"]", "\"Accepted\"");
        page.Screenshot("csms-3-request-answered");

        // Only StatusNotification rows stay visible; a click opens the whole frame.
        page.WaitFor("tr.frame[data-action=\"StatusNotification\"]");
        page.Choose("#log-action", "StatusNotification");
        Assert.All(page.All("tr.frame").Where(row => row.Displayed), row => Assert.Equal("StatusNotification", row.GetDomAttribute("data-action")));
        page.Click("tr.frame[data-action=\"StatusNotification\"]");
        page.WaitFor("tr.detail pre", "\"connectorId\"");
        page.Screenshot("csms-4-log-filtered");
    }

    [SkippableFact]
    public async Task The_answer_switches_change_the_answer_to_the_stations_next_BootNotification()
    {
        var browser = chromium.Browser;
        await using var harness = await StartAsync();
        var session = await harness.BootAsync();
        var page = browser.Open(BaseUrl(harness));
        page.WaitFor("#boot-status input[value=\"Accepted\"]:checked + span", null);

        page.Click("#boot-status label:nth-child(2) span");
        page.Type("#boot-interval", "17");
        page.Click("#idtag-add");
        page.Type("#idtag-statuses .pair:last-child input", "LOST-CARD");
        page.Choose("#idtag-statuses .pair:last-child select", "Blocked");
        page.Click("#answers-save");
        page.WaitFor("#answers-status[data-state=\"saved\"]");

        var answers = harness.Csms.Answers;
        Assert.Equal((RegistrationStatus.Pending, 17), (answers.BootStatus, answers.HeartbeatInterval));
        Assert.Equal(AuthorizationStatus.Blocked, answers.IdTagStatuses["LOST-CARD"]);

        // The station boots again when asked to: the answer is Pending now, and the page shows it.
        var mark = session.LastSequence;
        await session.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.BootNotification }).OrTimeout();
        var answer = await session.WaitForFrameAsync(mark, f => f.Direction == FrameDirection.Sent && f.IsAnswerTo(OcppActions.BootNotification)).OrTimeout();
        Assert.Equal((RegistrationStatus.Pending, 17), (((BootNotificationResponse)answer.Payload!).Status, ((BootNotificationResponse)answer.Payload!).Interval));
        page.WaitFor($"article.station[data-station=\"{StationId}\"] .badge[data-registration=\"Pending\"]");
        page.Screenshot("csms-5-answers");

        // A bad value is refused with the server's reason, and nothing changes.
        page.Type("#boot-interval", "-4");
        page.Click("#answers-save");
        page.WaitFor("#answers-status[data-state=\"error\"]", "bootNotification.interval -4 is negative");
        Assert.Equal(17, harness.Csms.Answers.HeartbeatInterval);
    }

    private async Task<StationHarness> StartAsync() =>
        await StationHarness.StartAsync(new StationHarnessOptions
        {
            ChargePointId = StationId,
            CentralSystem = new CentralSystemOptions { HeartbeatInterval = 60, EnableHttpApi = true },
            Output = output.WriteLine,
        });

    private static Uri BaseUrl(StationHarness harness) => new($"http://127.0.0.1:{harness.Csms.Port.ToString(CultureInfo.InvariantCulture)}/");
}
