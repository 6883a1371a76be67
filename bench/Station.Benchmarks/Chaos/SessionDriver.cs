using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Station.Benchmarks.Chaos;

/// <summary>
/// Plays charging sessions through the station's control API, one after the other, until the
/// process dies: plug in, card, charge a random while, stop (button, same card or unplug), unplug.
/// </summary>
internal sealed class SessionDriver(HttpClient http, Random random, Func<int> nextSession)
{
    private static readonly TimeSpan ChargingWait = TimeSpan.FromSeconds(15);

    /// <summary>What went wrong other than the process dying (a refused request, a session that never charged).</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Plays sessions of <paramref name="instance"/> into <paramref name="sessions"/> until cancelled or the station is gone.</summary>
    public async Task RunAsync(int instance, List<DriverSession> sessions, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var session = new DriverSession($"CHAOS-{nextSession():D6}", instance);
                lock (sessions)
                {
                    sessions.Add(session);
                }

                await PlayAsync(session, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            // The process died under the request: that is the point of the run.
        }
        catch (InvalidOperationException ex)
        {
            Problems.Add(ex.Message);
        }
    }

    private async Task PlayAsync(DriverSession session, CancellationToken cancellationToken)
    {
        await PostAsync("/connectors/1/plug", null, cancellationToken).ConfigureAwait(false);
        await PostAsync("/rfid", $$"""{"idTag":"{{session.IdTag}}"}""", cancellationToken).ConfigureAwait(false);
        if (!await WaitForChargingAsync(session.IdTag, cancellationToken).ConfigureAwait(false))
        {
            Problems.Add($"{session.IdTag} was not charging {ChargingWait.TotalSeconds} s after plug and card");
            await PostAsync("/connectors/1/unplug", null, cancellationToken).ConfigureAwait(false);
            return;
        }

        session.ChargingSeenAt = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(0.3 + (random.NextDouble() * 3)), TimeProvider.System, cancellationToken).ConfigureAwait(false);
        var stop = (StopKind)random.Next(3);
        session.Stop = stop;
        session.StopRequestedAt = Stopwatch.GetTimestamp();
        switch (stop)
        {
            case StopKind.StopButton:
                await PostAsync("/connectors/1/stop-button", null, cancellationToken).ConfigureAwait(false);
                break;
            case StopKind.SameCard:
                await PostAsync("/rfid", $$"""{"idTag":"{{session.IdTag}}"}""", cancellationToken).ConfigureAwait(false);
                break;
            default:
                await PostAsync("/connectors/1/unplug", null, cancellationToken).ConfigureAwait(false);
                break;
        }

        session.StopAcknowledgedAt = Stopwatch.GetTimestamp();
        if (stop != StopKind.Unplug)
        {
            await PostAsync("/connectors/1/unplug", null, cancellationToken).ConfigureAwait(false);
        }

        await Task.Delay(TimeSpan.FromSeconds(random.NextDouble() * 0.5), TimeProvider.System, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> WaitForChargingAsync(string idTag, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(ChargingWait.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            using var response = await http.GetAsync(new Uri("/state", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            var state = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).RootElement;
            var connector = state.GetProperty("connectors")[0];
            if (connector.GetProperty("status").GetString() == "Charging"
                && connector.TryGetProperty("idTag", out var tag) && tag.GetString() == idTag)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task PostAsync(string path, string? body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body ?? string.Empty, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var refusal = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"POST {path} answered {(int)response.StatusCode}: {refusal}"));
        }
    }
}
