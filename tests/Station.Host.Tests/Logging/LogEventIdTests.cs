using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CentralSystem;
using Microsoft.Extensions.Logging;
using Ocpp16.Rpc;
using Station.Storage.Sqlite;
using Xunit;

namespace Station.Host.Tests.Logging;

/// <summary>
/// Log event ids identify one event each across the product, so operators can filter and alert on
/// them, and each block keeps to the range its Log class documents ("event ids 2100–2149").
/// </summary>
public sealed partial class LogEventIdTests
{
    private const BindingFlags AllMethods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    private static readonly Assembly[] Product =
    [
        typeof(RpcConnection).Assembly,
        typeof(ChargePoint).Assembly,
        typeof(StationDatabase).Assembly,
        typeof(CentralSystemServer).Assembly,
        typeof(Station.FileTransfer.FileTransferClient).Assembly,
        typeof(Station.Host.Run.StationConfigFile).Assembly,
    ];

    private static readonly Lazy<IReadOnlyList<LogEvent>> Events = new(FindEvents);
    private static readonly ConcurrentDictionary<Assembly, XDocument> DocumentationCache = new();

    [Fact]
    public void The_product_logs_through_LoggerMessage_in_every_assembly_that_logs() =>
        Assert.Equal(
            ["CentralSystem", "Ocpp16", "Station", "ocpp-station"],
            Events.Value.Select(e => e.Class.Assembly.GetName().Name!).Distinct().Order(StringComparer.Ordinal));

    [Fact]
    public void Every_event_has_an_id()
    {
        var missing = Events.Value.Where(e => e.Id <= 0).Select(e => e.Name);

        Assert.Empty(missing);
    }

    [Fact]
    public void No_two_events_share_an_id()
    {
        var shared = Events.Value
            .GroupBy(e => e.Id)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Name))}");

        Assert.Empty(shared);
    }

    [Fact]
    public void Every_class_with_events_documents_its_range()
    {
        var undocumented = Events.Value.Select(e => e.Class).Distinct().Where(c => DocumentedRange(c) is null).Select(c => c.FullName);

        Assert.Empty(undocumented);
    }

    [Fact]
    public void Every_event_id_is_within_the_range_its_class_documents()
    {
        var outside = Events.Value
            .Where(e => DocumentedRange(e.Class) is { } range && (e.Id < range.First || e.Id > range.Last))
            .Select(e => $"{e.Name} = {e.Id}, outside {DocumentedRange(e.Class)}");

        Assert.Empty(outside);
    }

    [Fact]
    public void The_documented_ranges_do_not_overlap()
    {
        var ranges = Events.Value.Select(e => e.Class).Distinct()
            .Select(c => (Class: c.Name, Range: DocumentedRange(c)))
            .Where(r => r.Range is not null)
            .OrderBy(r => r.Range!.Value.First)
            .ToList();

        Assert.NotEmpty(ranges);
        Assert.All(ranges, r => Assert.True(r.Range!.Value.First <= r.Range.Value.Last, $"{r.Class}: {r.Range} is empty"));
        var overlaps = ranges.Zip(ranges.Skip(1))
            .Where(pair => pair.First.Range!.Value.Last >= pair.Second.Range!.Value.First)
            .Select(pair => $"{pair.First.Class} {pair.First.Range} overlaps {pair.Second.Class} {pair.Second.Range}");
        Assert.Empty(overlaps);
    }

    private static List<LogEvent> FindEvents() =>
    [
        .. Product
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(AllMethods))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .Select(m => new LogEvent(m.Method.DeclaringType!, $"{m.Method.DeclaringType!.Name}.{m.Method.Name}", m.Attribute!.EventId)),
    ];

    // The range is written in the class summary, which the compiler puts in the assembly's XML documentation.
    private static (int First, int Last)? DocumentedRange(Type type)
    {
        var summary = Documentation(type.Assembly)
            .Descendants("member")
            .FirstOrDefault(m => (string?)m.Attribute("name") == $"T:{type.FullName}")?
            .Element("summary")?.Value;
        return summary is not null && RangePattern().Match(summary) is { Success: true } match
            ? (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : null;
    }

    private static XDocument Documentation(Assembly assembly) =>
        DocumentationCache.GetOrAdd(assembly, a => XDocument.Load(Path.ChangeExtension(a.Location, ".xml")));

    [GeneratedRegex(@"event ids (\d+)\s*[–-]\s*(\d+)")]
    private static partial Regex RangePattern();

    private sealed record LogEvent(Type Class, string Name, int Id);
}
