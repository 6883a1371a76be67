using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ocpp16.Json;
using Ocpp16.Messages;
using Xunit;

namespace Ocpp16.Tests.Codec;

/// <summary>
/// Every payload of <see cref="OcppActions.All"/> by a readable name (<c>MeterValues.req</c>,
/// <c>MeterValues.conf</c>), its samples, and the codec calls the tests make.
/// </summary>
internal static class MessageCatalog
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Lazy<Dictionary<Type, IOcppMessage>> FullSamples = new(() => Index(
        RequestSamples.Full.Concat(SecuritySamples.FullRequests), ResponseSamples.Full.Concat(SecuritySamples.FullResponses)));

    private static readonly Lazy<Dictionary<Type, IOcppMessage>> MinimalSamples = new(() => Index(
        RequestSamples.Minimal.Concat(SecuritySamples.MinimalRequests), ResponseSamples.Minimal.Concat(SecuritySamples.MinimalResponses)));

    /// <summary>Every request and response name, taken from <see cref="OcppActions.All"/> (not from the samples).</summary>
    public static IEnumerable<string> Names =>
        OcppActions.All.OrderBy(a => a.Name, StringComparer.Ordinal).SelectMany(a => new[] { a.Name + ".req", a.Name + ".conf" });

    public static TheoryData<string> NameData => [.. Names];

    public static (string Action, bool IsResponse) Parse(string name)
    {
        var dot = name.LastIndexOf('.');
        return (name[..dot], name[(dot + 1)..] == "conf");
    }

    public static OcppMessageType TypeOf(string name)
    {
        var (actionName, isResponse) = Parse(name);
        Assert.True(OcppActions.TryGet(actionName, out var action), $"{actionName} is not an action");
        return isResponse ? action.Response : action.Request;
    }

    public static IOcppMessage Full(string name) => Sample(FullSamples.Value, name, "full");

    public static IOcppMessage Minimal(string name) => Sample(MinimalSamples.Value, name, "minimal");

    public static bool HasFull(Type type) => FullSamples.Value.ContainsKey(type);

    public static bool HasMinimal(Type type) => MinimalSamples.Value.ContainsKey(type);

    /// <summary>Writes <paramref name="message"/> as its payload type would on the wire.</summary>
    public static string Write(OcppMessageType type, IOcppMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            type.Write(writer, message);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string Write(string name, IOcppMessage message) => Write(TypeOf(name), message);

    /// <summary>Decodes <paramref name="json"/> as <paramref name="name"/>; null on success, else why it was refused.</summary>
    public static PayloadError? Refusal(string name, string json) =>
        TypeOf(name).TryRead(Encoding.UTF8.GetBytes(json), out _, out var error) ? null : error;

    public static IOcppMessage ReadValid(string name, string json)
    {
        var type = TypeOf(name);
        Assert.True(type.TryRead(Encoding.UTF8.GetBytes(json), out var message, out var error), $"{name} refused ({error.Code}: {error.Description})\n{json}");
        Assert.IsType(type.ClrType, message);
        return message;
    }

    private static IOcppMessage Sample(Dictionary<Type, IOcppMessage> samples, string name, string kind)
    {
        var type = TypeOf(name).ClrType;
        Assert.True(samples.TryGetValue(type, out var sample), $"{type.Name} ({name}) has no {kind} sample");
        return sample;
    }

    private static Dictionary<Type, IOcppMessage> Index(IEnumerable<IOcppRequest> requests, IEnumerable<IOcppResponse> responses) =>
        requests.Cast<IOcppMessage>().Concat(responses).ToDictionary(m => m.GetType());
}
