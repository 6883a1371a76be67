using System.Globalization;
using System.Text.Json;

namespace Station.Host.Fleet;

/// <summary>
/// <c>--report FILE</c>: the figures of a fleet run as JSON (totals, per action, per second), and
/// next to it (<c>FILE</c> with <c>.html</c>) a page a person can read, its charts inline SVG.
/// </summary>
internal static class FleetReport
{
    public static async Task WriteAsync(string path, FleetSettings settings, FleetRunner fleet, IReadOnlyList<FleetSample> samples)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            Write(json, settings, fleet, samples);
        }

        await File.WriteAllTextAsync(Path.ChangeExtension(path, ".html"), FleetReportPage.Html(settings, fleet, samples)).ConfigureAwait(false);
    }

    private static void Write(Utf8JsonWriter json, FleetSettings settings, FleetRunner fleet, IReadOnlyList<FleetSample> samples)
    {
        var c = fleet.Counts();
        json.WriteStartObject();
        json.WriteNumber("stations", settings.Stations);
        json.WriteString("firstId", settings.StationId(0));
        json.WriteNumber("seed", settings.Seed);
        json.WriteBoolean("atg", settings.Atg);
        json.WriteNumber("elapsedSeconds", Math.Round(fleet.Elapsed.TotalSeconds, 3));
        if (fleet.AllBooted.IsCompletedSuccessfully)
        {
            json.WriteNumber("allBootedSeconds", Math.Round(fleet.AllBooted.Result.TotalSeconds, 3));
        }

        json.WriteNumber("messagesSent", c.Sent);
        json.WriteNumber("messagesReceived", c.Received);
        json.WriteNumber("errors", c.Errors);
        json.WriteNumber("reconnects", c.Reconnects);
        json.WriteNumber("atgTransactions", fleet.AtgCycles);
        json.WriteNumber("responseP50Ms", Math.Round(c.P50Ms, 3));
        json.WriteNumber("responseP99Ms", Math.Round(c.P99Ms, 3));
        json.WriteNumber("chaosDisconnects", c.ChaosDisconnects);
        json.WriteNumber("chaosPowerLosses", c.ChaosPowerLosses);
        WriteGroups(json, settings);
        json.WriteStartArray("actions");
        foreach (var action in fleet.Counters.Actions.Values.OrderBy(a => a.Action, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("action", action.Action);
            json.WriteNumber("callsSent", action.CallsSent);
            json.WriteNumber("callsReceived", action.CallsReceived);
            json.WriteNumber("errors", action.Errors);
            json.WriteNumber("responses", action.ResponseTimes.Count);
            json.WriteNumber("responseP50Ms", Math.Round(action.ResponseTimes.PercentileMs(0.5), 3));
            json.WriteNumber("responseP99Ms", Math.Round(action.ResponseTimes.PercentileMs(0.99), 3));
            json.WriteStartArray("responseDistribution");
            foreach (var (upperMs, count) in action.ResponseTimes.Distribution())
            {
                json.WriteStartObject();
                json.WriteNumber("upToMs", Math.Round(upperMs, 4));
                json.WriteNumber("count", count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("perSecond");
        foreach (var s in samples)
        {
            json.WriteStartObject();
            json.WriteNumber("t", Math.Round(s.Seconds, 3));
            json.WriteNumber("sent", s.Sent);
            json.WriteNumber("received", s.Received);
            json.WriteNumber("connected", s.Connected);
            json.WriteNumber("booted", s.Booted);
            json.WriteNumber("charging", s.Charging);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // What each group was: its stations' ids, model, automatic transactions and chaos settings.
    private static void WriteGroups(Utf8JsonWriter json, FleetSettings settings)
    {
        json.WriteStartArray("groups");
        var position = 0;
        foreach (var g in settings.Groups)
        {
            json.WriteStartObject();
            json.WriteString("name", g.Name);
            json.WriteNumber("stations", g.Count);
            json.WriteString("firstId", settings.StationId(position));
            json.WriteString("lastId", settings.StationId(position + g.Count - 1));
            json.WriteString("model", $"{g.Model.Vendor} {g.Model.Model}");
            json.WriteNumber("connectors", g.Model.Connectors.Count);
            json.WriteBoolean("atg", g.Atg);
            json.WriteString("txDuration", g.TxDuration.ToString());
            json.WriteString("txPause", g.TxPause.ToString());
            json.WriteStartObject("chaos");
            json.WriteNumber("disconnectsPerHour", g.Chaos.DisconnectsPerHour);
            json.WriteString("offline", g.Chaos.Offline.ToString());
            json.WriteNumber("powerLossesPerHour", g.Chaos.PowerLossesPerHour);
            json.WriteString("powerOff", g.Chaos.PowerOff.ToString());
            json.WriteEndObject();
            json.WriteEndObject();
            position += g.Count;
        }

        json.WriteEndArray();
    }

    internal static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
