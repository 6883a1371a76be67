using System.Globalization;
using Browser.Tests.Support;
using CentralSystem;
using Microsoft.Extensions.Logging.Abstractions;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Browser.Tests;

/// <summary>
/// The fleet view in a real headless Chromium: against the fleet command itself (200 real
/// stations in a child process, connected to the built-in Central System of the test), and for the
/// load time at 30,000 stations against <see cref="FakeFleet"/>, the fleet control API's endpoints
/// over row-only stations, as 30,000 real stations are more than a test run can afford.
/// </summary>
public sealed class FleetViewTests(ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private CentralSystemServer _csms = null!;

    public async Task InitializeAsync() =>
        _csms = await CentralSystemServer.StartAsync(new CentralSystemOptions(), NullLoggerFactory.Instance, TimeProvider.System).OrTimeout();

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [SkippableFact]
    public async Task A_fleet_of_200_is_live_a_search_finds_a_station_and_its_page_drives_it_with_its_live_message_log()
    {
        var browser = chromium.Browser;
        await using var fleet = await StationProcess.StartFleetAsync(_csms.Endpoint, 200, "SIM-");

        var page = browser.Open(fleet.BaseUrl);
        page.WaitFor("[data-counter=\"stations\"]", "200");
        page.WaitFor("[data-counter=\"booted\"]", "200");
        page.WaitFor("#list-page", "1–50 of 200");

        // The list is read when asked (a search, a page, Refresh), not live: once SIM-00007 told its status, Refresh shows it.
        var seventh = await _csms.WaitForStationAsync("SIM-00007").OrTimeout();
        await seventh.WaitForFirstCallAsync<StatusNotificationRequest>(n => n.ConnectorId == 1).OrTimeout();
        page.Click("#list-refresh");
        page.WaitFor("#stations tr.station-row[data-station=\"SIM-00007\"]", "Available");
        var timings = page.Timings();
        Artifacts.Report(output, $"fleet view, 200 real stations: {timings}");
        Assert.All(timings.Resources, url => Assert.StartsWith(timings.Origin + "/", url, StringComparison.Ordinal));

        // Two events a second apart make the first point of each line.
        page.WaitFor("#chart-throughput[data-points]:not([data-points=\"0\"])");
        page.WaitFor("#chart-response[data-points]:not([data-points=\"0\"])");
        Assert.NotEmpty(page.All("#chart-throughput polyline"));
        Artifacts.SaveReadmeImage(page.Screenshot("fleet-1-overview"), "fleet-view.png");

        page.Type("#list-q", "SIM-00043");
        page.WaitFor("#list-page", "1–1 of 1");
        Assert.Single(page.All("#stations tr.station-row"));
        page.Choose("#list-status", "Faulted");
        page.WaitFor("#list-page", "0 stations");
        page.Choose("#list-status", string.Empty);
        page.WaitFor("#list-page", "1–1 of 1");
        page.Click("#stations tr.station-row[data-station=\"SIM-00043\"] a");

        // The single-station view of that station, under /stations/SIM-00043/, live from the fleet's per-station feed.
        page.WaitFor("#station-id", "SIM-00043");
        Assert.EndsWith("/stations/SIM-00043/", (string)page.Script("return location.pathname;")!, StringComparison.Ordinal);
        page.WaitFor("#live", "live");
        page.WaitFor("#connection", "connected");
        page.WaitFor("#registration", "Accepted");
        page.WaitFor("article.connector[data-connector=\"1\"] .status", "Available");
        var stationTimings = page.Timings();
        Artifacts.Report(output, $"fleet station page (SIM-00043 of 200): {stationTimings}");

        var session = await _csms.WaitForStationAsync("SIM-00043").OrTimeout();
        page.Click("article.connector[data-connector=\"1\"] [data-action=\"plug\"]");
        page.WaitFor("article.connector[data-connector=\"1\"] .status", "Preparing");
        page.Type("#card-idtag", "FLEET-CARD-1");
        page.Click("#card-present");
        var start = await session.WaitForFirstCallAsync<StartTransactionRequest>().OrTimeout();
        Assert.Equal(("FLEET-CARD-1", 1), (start.IdTag, start.ConnectorId));
        page.WaitFor("article.connector[data-connector=\"1\"] .status", "Charging");
        page.WaitFor("article.connector[data-connector=\"1\"] [data-field=\"transaction\"]", "FLEET-CARD-1");
        page.WaitFor("tr.frame[data-action=\"StartTransaction\"][data-direction=\"sent\"][data-type=\"CALL\"]", "FLEET-CARD-1");
        page.WaitFor("tr.frame[data-action=\"StartTransaction\"][data-direction=\"received\"][data-type=\"CALLRESULT\"]", "transactionId");
        Artifacts.SaveReadmeImage(page.Screenshot("fleet-2-station"), "fleet-station.png");

        // Back in the fleet view, the list shows the station charging.
        page = browser.Open(fleet.BaseUrl);
        page.WaitFor("#list-page", "of 200");
        page.Type("#list-q", "SIM-00043");
        page.WaitFor("#stations tr.station-row[data-station=\"SIM-00043\"]", "Charging");
    }

    // A measurement, not a check: the fleet view and a station page of a fleet already running (fleet --control-port P),
    // given as OCPP_FLEET_VIEW_URL=http://127.0.0.1:P/ and a station id as OCPP_FLEET_VIEW_STATION; skipped without them.
    [SkippableFact]
    public void The_fleet_view_of_a_running_fleet_is_timed()
    {
        var url = Environment.GetEnvironmentVariable("OCPP_FLEET_VIEW_URL") ?? string.Empty;
        Skip.If(url.Length == 0, "OCPP_FLEET_VIEW_URL is not set");
        var id = Environment.GetEnvironmentVariable("OCPP_FLEET_VIEW_STATION") ?? "SIM-00001";
        var page = chromium.Browser.Open(new Uri(url));
        page.WaitFor("#list-page", " of ");
        page.WaitFor("[data-counter=\"stations\"]");
        var timings = page.Timings();
        var stations = page.Text("[data-counter=\"stations\"]");
        page.Type("#list-q", id);
        page.WaitFor($"#stations tr.station-row[data-station=\"{id}\"]");
        var searchMs = page.Script("return Number(document.querySelector('#stations tbody').dataset.loadMs);");
        var heap = page.Script("return performance.memory ? performance.memory.usedJSHeapSize : null;");
        Artifacts.Report(output, $"fleet view of a running fleet ({stations} stations): {timings}; search {searchMs} ms; JS heap {heap} B");
        page.Click($"#stations tr.station-row[data-station=\"{id}\"] a");
        page.WaitFor("#live", "live");
        page.WaitFor("article.connector[data-connector=\"1\"] .status");
        Artifacts.Report(output, $"its station page {id}: {page.Timings()}");
        page.Screenshot("fleet-running-station");
    }

    [SkippableFact]
    public async Task A_fleet_of_30000_stations_loads_fast_and_a_search_answers_fast()
    {
        var browser = chromium.Browser;
        await using var fleet = await FakeFleet.StartAsync(30_000);

        var page = browser.Open(fleet.BaseUrl);
        page.WaitFor("#list-page", "1–50 of 30000");
        page.WaitFor("[data-counter=\"stations\"]", "30000");
        var timings = page.Timings();
        page.Click("#list-next");
        page.WaitFor("#list-page", "51–100 of 30000");
        page.Type("#list-q", "SIM-2999");
        page.WaitFor("#list-page", "1–10 of 10");
        var searchMs = page.Script("return Number(document.querySelector('#stations tbody').dataset.loadMs);");
        var rows = page.All("#stations tr.station-row").Count;
        var heap = page.Script("return performance.memory ? performance.memory.usedJSHeapSize : null;");
        var heapMb = heap is null ? "n/a" : (Convert.ToDouble(heap, CultureInfo.InvariantCulture) / 1024 / 1024).ToString("0.0", CultureInfo.InvariantCulture);
        Artifacts.Report(output, $"fleet view, 30000 stations: {timings}; search answered and drawn in {searchMs} ms; {rows} rows in the page; JS heap {heapMb} MB");
        Assert.Equal(10, rows);
        Assert.All(timings.Resources, url => Assert.StartsWith(timings.Origin + "/", url, StringComparison.Ordinal));
    }

}
