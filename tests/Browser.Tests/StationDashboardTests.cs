using System.Net;
using Browser.Tests.Support;
using CentralSystem;
using Microsoft.Extensions.Logging.Abstractions;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Browser.Tests;

/// <summary>
/// The station dashboard of <c>run --control-port</c> in a real headless Chromium: the station is
/// the run command in its own process, connected to the built-in Central System of the test.
/// Every view is saved as a screenshot (TestResults/screenshots).
/// </summary>
public sealed class StationDashboardTests(ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private CentralSystemServer _csms = null!;

    public async Task InitializeAsync() =>
        _csms = await CentralSystemServer.StartAsync(new CentralSystemOptions(), NullLoggerFactory.Instance, TimeProvider.System).OrTimeout();

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [SkippableFact]
    public async Task A_plug_shows_live_the_card_starts_charging_the_log_shows_StartTransaction_and_stop_and_unplug_end_it()
    {
        var browser = chromium.Browser;
        await using var station = await StationProcess.StartAsync(_csms.Endpoint, "DASH-1");
        var session = await _csms.WaitForStationAsync("DASH-1").OrTimeout();
        await session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == 1).OrTimeout();

        var page = browser.Open(station.BaseUrl);
        page.WaitFor("#station-id", "DASH-1");
        page.WaitFor("#connection", "connected");
        page.WaitFor("#registration", "Accepted");
        page.WaitFor("article.connector[data-connector=\"1\"] .status", "Available");
        page.WaitFor("#live", "live");
        var timings = page.Timings();
        Artifacts.Report(output, $"station dashboard load: {timings}");
        Assert.All(timings.Resources, url => Assert.StartsWith(timings.Origin + "/", url, StringComparison.Ordinal));

        // A plug from outside the page (a script on the control API): the page follows live, without a reload.
        using (var plugged = await station.Http.PostAsync(new Uri("connectors/1/plug", UriKind.Relative), null).OrTimeout())
        {
            Assert.Equal(HttpStatusCode.OK, plugged.StatusCode);
        }

        page.WaitFor("article.connector[data-connector=\"1\"] .status", "Preparing");
        page.WaitFor("article.connector[data-connector=\"1\"] [data-field=\"cable\"]", "plugged in");

        // The card from the page's field: Authorize, StartTransaction, Charging, with the transaction and its energy.
        page.Type("#card-idtag", "WEB-CARD-1");
        page.Click("#card-present");
        var start = await session.WaitForFirstCallAsync<StartTransactionRequest>().OrTimeout();
        Assert.Equal(("WEB-CARD-1", 1), (start.IdTag, start.ConnectorId));
        page.WaitFor("article.connector[data-connector=\"1\"] .status", "Charging");
        page.WaitFor("article.connector[data-connector=\"1\"] [data-field=\"transaction\"]", "#1 · WEB-CARD-1");
        page.WaitFor("article.connector[data-connector=\"1\"] [data-field=\"power\"]", "kW");
        page.WaitFor("tr.frame[data-action=\"StartTransaction\"][data-direction=\"sent\"][data-type=\"CALL\"]");
        page.WaitFor("tr.frame[data-action=\"StartTransaction\"][data-direction=\"received\"][data-type=\"CALLRESULT\"]", "transactionId");
        page.WaitFor("tr.frame[data-action=\"Authorize\"][data-direction=\"sent\"]", "WEB-CARD-1");
        Artifacts.SaveReadmeImage(page.Screenshot("dashboard-1-charging"), "station-dashboard.png");

        // The EV pauses and draws again; then the stop button ends the transaction (reason Local) and unplug frees the connector.
        page.Click("article.connector[data-connector=\"1\"] [data-action=\"ev-suspend\"]");
        page.WaitFor("article.connector[data-connector=\"1\"] .status", "SuspendedEV");
        page.Click("article.connector[data-connector=\"1\"] [data-action=\"ev-resume\"]");
        page.WaitFor("article.connector[data-connector=\"1\"] .status", "Charging");
        page.Click("article.connector[data-connector=\"1\"] [data-action=\"stop-button\"]");
        var stop = await session.WaitForFirstCallAsync<StopTransactionRequest>().OrTimeout();
        Assert.Equal(Reason.Local, stop.Reason);
        page.WaitFor("article.connector[data-connector=\"1\"] .status", "Finishing");
        page.WaitFor("tr.frame[data-action=\"StopTransaction\"][data-direction=\"sent\"]", "Local");
        page.Click("article.connector[data-connector=\"1\"] [data-action=\"unplug\"]");
        page.WaitFor("article.connector[data-connector=\"1\"] .status", "Available");
        page.WaitFor("article.connector[data-connector=\"1\"] [data-field=\"transaction\"]", "none");
        page.Screenshot("dashboard-2-stopped");
    }

    [SkippableFact]
    public async Task The_fault_picker_faults_the_connector_the_emergency_stop_ends_charging_and_the_log_filters_and_opens_frames()
    {
        var browser = chromium.Browser;
        await using var station = await StationProcess.StartAsync(_csms.Endpoint, "DASH-2");
        var session = await _csms.WaitForStationAsync("DASH-2").OrTimeout();
        await session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.ConnectorId == 1).OrTimeout();
        var page = browser.Open(station.BaseUrl);
        page.WaitFor("article.connector[data-connector=\"1\"] .status", "Available");

        // A fault with the code picked: the Central System hears it, the page shows it, clear ends it.
        page.Choose("article.connector[data-connector=\"1\"] select.fault-code", "HighTemperature");
        page.Click("article.connector[data-connector=\"1\"] [data-action=\"fault\"]");
        var faulted = await session.WaitForFirstCallAsync<StatusNotificationRequest>(s => s.Status == ChargePointStatus.Faulted).OrTimeout();
        Assert.Equal(ChargePointErrorCode.HighTemperature, faulted.ErrorCode);
        page.WaitFor("article.connector[data-connector=\"1\"] .status", "Faulted");
        page.WaitFor("article.connector[data-connector=\"1\"] .error", "HighTemperature");
        page.Click("article.connector[data-connector=\"1\"] [data-action=\"fault-clear\"]");
        page.WaitFor("article.connector[data-connector=\"1\"] .status", "Available");

        // The emergency stop during a transaction: it ends with reason EmergencyStop; release brings the station back.
        page.Click("article.connector[data-connector=\"1\"] [data-action=\"plug\"]");
        page.Type("#card-idtag", "WEB-CARD-2");
        page.Click("#card-present");
        page.WaitFor("article.connector[data-connector=\"1\"] .status", "Charging");
        page.Click("#emergency-stop");
        var stop = await session.WaitForFirstCallAsync<StopTransactionRequest>().OrTimeout();
        Assert.Equal(Reason.EmergencyStop, stop.Reason);
        page.WaitFor("#emergency-release");
        page.WaitFor("article.connector[data-connector=\"1\"] .status", "Faulted");
        page.Click("#emergency-release");
        page.WaitFor("#emergency-stop");

        // A refused request shows the reason the control API gave.
        page.Type("#card-idtag", "AN-IDTAG-FAR-TOO-LONG-FOR-OCPP");
        page.Click("#card-present");
        page.WaitFor("#action-status[data-state=\"error\"]", "HTTP 400");

        // The log: only StatusNotification rows stay; the text search narrows them to the Faulted ones; a click opens a frame.
        page.WaitFor("tr.frame[data-action=\"StatusNotification\"]", "Faulted");
        page.Choose("#log-action", "StatusNotification");
        var shown = page.All("tr.frame").Where(row => row.Displayed).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, row => Assert.Equal("StatusNotification", row.GetDomAttribute("data-action")));
        page.Type("#log-search", "HighTemperature");
        shown = [.. page.All("tr.frame").Where(row => row.Displayed)];
        Assert.NotEmpty(shown);
        Assert.All(shown, row => Assert.Contains("HighTemperature", row.Text, StringComparison.Ordinal));
        shown[0].Click();
        page.WaitFor("tr.detail pre", "\"errorCode\": \"HighTemperature\"");
        page.Screenshot("dashboard-3-log-filtered");

        // Pause holds new frames back; resume shows them.
        page.Script("const input = document.querySelector('#log-search'); input.value = ''; input.dispatchEvent(new Event('input'));");
        page.Choose("#log-action", string.Empty);
        page.Click("#log-pause");
        page.Click("article.connector[data-connector=\"1\"] [data-action=\"unplug\"]");
        page.WaitFor("#log-status", "held back");
        page.Click("#log-pause");
        page.WaitFor("tr.frame[data-action=\"StatusNotification\"][data-direction=\"sent\"]", "Available");
    }

}
