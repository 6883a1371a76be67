using System.Text.Json;

namespace Station.Host.Tests;

/// <summary>Reads a dashboard's Server-Sent Events stream (<c>GET /events</c>) as a page does, event by event.</summary>
internal static class ServerSentEvents
{
    /// <summary>The status of connector 1 in the next <c>state</c> event whose status is <paramref name="wanted"/>.</summary>
    public static async Task<string?> NextStatusAsync(StreamReader reader, Func<string?, bool> wanted)
    {
        while (true)
        {
            var (name, data) = await NextEventAsync(reader);
            if (name == "state" && JsonDocument.Parse(data).RootElement.GetProperty("connectors")[0].GetProperty("status").GetString() is var status && wanted(status))
            {
                return status;
            }
        }
    }

    /// <summary>The next event of <paramref name="name"/> whose data <paramref name="wanted"/> accepts, skipping the others.</summary>
    public static async Task<JsonElement> NextAsync(StreamReader reader, string name, Func<JsonElement, bool> wanted)
    {
        while (true)
        {
            var (next, data) = await NextEventAsync(reader);
            if (next == name && JsonDocument.Parse(data).RootElement is var parsed && wanted(parsed))
            {
                return parsed;
            }
        }
    }

    /// <summary>The next event: its name and its data (the <c>data:</c> lines joined).</summary>
    public static async Task<(string Event, string Data)> NextEventAsync(StreamReader reader)
    {
        string? name = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0 && name is not null)
            {
                return (name, string.Join('\n', data));
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line["data: ".Length..]);
            }
        }

        throw new EndOfStreamException("the event stream ended");
    }
}
