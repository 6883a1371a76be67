using System.Reflection;
using Microsoft.Extensions.Logging;
using Ocpp16.Rpc;
using Xunit;

namespace Ocpp16.Tests.Logging;

/// <summary>Log event ids identify one event each, so that operators can filter and alert on them.</summary>
public sealed class LogEventIdTests
{
    private const BindingFlags AllMethods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    [Fact]
    public void Every_LoggerMessage_of_the_protocol_library_has_an_event_id_of_its_own()
    {
        var events = typeof(RpcConnection).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(AllMethods))
            .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(e => e.Attribute is not null)
            .ToList();

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.True(e.Attribute!.EventId > 0, $"{e.Method} has no event id"));
        var shared = events
            .GroupBy(e => e.Attribute!.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Method))}");
        Assert.Empty(shared);
    }
}
