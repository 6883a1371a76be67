using System.Globalization;
using Browser.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Browser.Tests;

/// <summary>
/// The fleet view in a real headless Chromium, against <see cref="FakeFleet"/>: the fleet
/// control API's endpoints over row-only stations, with the real page and live feed mounted as
/// the fleet host mounts them (the fleet command's host is on its own branch).
/// </summary>
public sealed class FleetViewTests(ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    [SkippableFact]
    public async Task The_counters_are_live_a_search_finds_a_station_and_a_click_opens_its_dashboard_which_drives_it()
    {
        var browser = chromium.Browser;
        await using var fleet = await FakeFleet.StartAsync(200);

        var page = browser.Open(fleet.BaseUrl);
        page.WaitFor("[data-counter=\"stations\"]", "200");
        page.WaitFor("#list-page", "1–50 of 200");
        page.WaitFor("#stations tr.station-row[data-station=\"SIM-00007\"]", "Charging");

        // Two events a second apart make the first point of the throughput line.
        page.WaitFor("#chart-throughput[data-points]:not([data-points=\"0\"])");
        page.WaitFor("#chart-response[data-points]:not([data-points=\"0\"])");
        Assert.NotEmpty(page.All("#chart-throughput polyline"));
        SaveReadmeImage(page.Screenshot("fleet-1-overview"), "fleet-view.png");

        page.Type("#list-q", "SIM-00043");
        page.WaitFor("#list-page", "1–1 of 1");
        Assert.Single(page.All("#stations tr.station-row"));
        page.Choose("#list-status", "Faulted");
        page.WaitFor("#list-page", "0 stations");
        page.Choose("#list-status", string.Empty);
        page.WaitFor("#list-page", "1–1 of 1");
        page.Click("#stations tr.station-row[data-station=\"SIM-00043\"] a");

        // The single-station view of that station, under /stations/SIM-00043/, drives it through the fleet API.
        page.WaitFor("#station-id", "SIM-00043");
        Assert.EndsWith("/stations/SIM-00043/", (string)page.Script("return location.pathname;")!, StringComparison.Ordinal);
        page.WaitFor("article.connector[data-connector=\"1\"] .status", "Available");
        page.Click("article.connector[data-connector=\"1\"] [data-action=\"plug\"]");
        page.WaitFor("article.connector[data-connector=\"1\"] .status", "Preparing");
        lock (fleet.Requests)
        {
            Assert.Equal(["SIM-00043 connectors/1/plug"], fleet.Requests);
        }

        page.Screenshot("fleet-2-station");
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
        Report($"fleet view, 30000 stations: {timings}; search answered and drawn in {searchMs} ms; {rows} rows in the page; JS heap {heapMb} MB");
        Assert.Equal(10, rows);
        Assert.All(timings.Resources, url => Assert.StartsWith(timings.Origin + "/", url, StringComparison.Ordinal));
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        Directory.CreateDirectory(Artifacts.Directory);
        File.AppendAllText(Path.Combine(Artifacts.Directory, "page-load.txt"), line + Environment.NewLine);
    }

    private static void SaveReadmeImage(string screenshot, string name)
    {
        if (Artifacts.WriteReadmeImages)
        {
            Directory.CreateDirectory(Artifacts.ReadmeImages);
            File.Copy(screenshot, Path.Combine(Artifacts.ReadmeImages, name), overwrite: true);
        }
    }
}
