using System.Reflection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Station.IntegrationTests;

/// <summary>Every block logs in its own event-id range; ids identify one event each (style habit 10).</summary>
public sealed class StationLogEventIdTests
{
    private const BindingFlags AllMethods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    [Fact]
    public void Every_LoggerMessage_of_the_station_core_has_an_event_id_of_its_own()
    {
        var events = typeof(ChargePoint).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(AllMethods))
            .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(e => e.Attribute is not null)
            .ToList();

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.True(e.Attribute!.EventId > 0, $"{e.Method} has no event id"));
        Assert.Empty(events.GroupBy(e => e.Attribute!.EventId).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Method))}"));
    }
}
