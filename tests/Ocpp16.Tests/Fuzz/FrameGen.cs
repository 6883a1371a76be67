using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Ocpp16.Tests.Codec;

namespace Ocpp16.Tests.Fuzz;

/// <summary>
/// Generators of whole frames with the answer OCPP-J 1.6 §4 requires of a Charge Point, derived from
/// how each frame is built: a CALL is answered with the CALLERROR of the first rule it breaks or its
/// CALLRESULT; a frame whose id cannot be read, and every CALLRESULT or CALLERROR we did not wait
/// for, gets no answer.
/// </summary>
internal static class FrameGen
{
    private const OcppErrorCode Formation = OcppErrorCode.FormationViolation;

    private static readonly string ValidReset = """{"type":"Soft"}""";

    private static readonly Gen<OcppAction> ServedAction = Gen.OneOf([.. DecoderHarness.Served]);

    // Built once: a schema file is read and its generator composed per action, not per frame.
    private static readonly Dictionary<string, Gen<GeneratedPayload>> Payloads =
        DecoderHarness.Served.ToDictionary(a => a.Name, a => PayloadGen.Mutated(SchemaMutations.Schema(a.Name + ".req")), StringComparer.Ordinal);

    private static readonly Dictionary<string, Gen<Codec.PayloadMutation>> SampleVariants = DecoderHarness.Served.ToDictionary(
        a => a.Name,
        a => Gen.OneOf([.. SchemaMutations.Invalid(a.Name + ".req").Values.Concat(SchemaMutations.Accepted(a.Name + ".req").Values)]),
        StringComparer.Ordinal);

    private static readonly Dictionary<string, Gen<GeneratedPayload>> AnswerPayloads =
        DecoderHarness.Called.ToDictionary(a => a.Name, a => PayloadGen.Mutated(SchemaMutations.Schema(a.Name + ".conf")), StringComparer.Ordinal);

    /// <summary>An answer to a CALL of ours: a random valid .conf payload of the action called, or one with one rule broken.</summary>
    public static readonly Gen<(OcppAction Action, GeneratedPayload Payload)> Answer =
        Gen.OneOf([.. DecoderHarness.Called]).SelectMany(action => AnswerPayloads[action.Name].Select(payload => (action, payload)));

    /// <summary>A CALL of a served action whose payload is a random valid instance, or one with one rule broken.</summary>
    public static readonly Gen<FrameCase> GeneratedCall = ServedAction.SelectMany(action =>
        Payloads[action.Name].SelectMany(payload => Call(action.Name, payload.Json).Select(call =>
            payload.Code is { } code
                ? FrameCase.Error($"{action.Name}: {payload.What}", call.Frame, call.MessageId, code)
                : FrameCase.Result($"{action.Name}: valid", call.Frame, call.MessageId))));

    /// <summary>A CALL carrying one of <see cref="SchemaMutations"/>' variants of the full sample of a served request.</summary>
    public static readonly Gen<FrameCase> SampleMutationCall = ServedAction.SelectMany(action =>
        SampleVariants[action.Name].SelectMany(variant => Call(action.Name, variant.Json).Select(call =>
            variant.Expected is { } code
                ? FrameCase.Error($"{action.Name}.req: {variant.Description}", call.Frame, call.MessageId, code)
                : FrameCase.Result($"{action.Name}.req: {variant.Description}", call.Frame, call.MessageId))));

    /// <summary>A valid or broken CALL cut short: answered FormationViolation once its id is complete, else not at all.</summary>
    public static readonly Gen<FrameCase> Truncated = GeneratedCall.SelectMany(full =>
        Gen.Int[1, full.Frame.Length - 1].Select(cut =>
        {
            var idEnd = IdEnd(full);
            var frame = full.Frame[..cut];
            return cut >= idEnd ? FrameCase.Error("truncated after the id", frame, full.MessageId!, Formation) : FrameCase.NoAnswer("truncated within the id", frame);
        }));

    /// <summary>Bytes that are not UTF-8 put anywhere into a CALL: FormationViolation after the id, else no answer.</summary>
    public static readonly Gen<FrameCase> InvalidUtf8 =
        Gen.Select(GeneratedCall, Gen.OneOf<byte[]>([0xFF], [0xC0, 0x80], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82])).SelectMany((full, bad) =>
        Gen.Int[0, full.Frame.Length].Select(at =>
        {
            byte[] frame = [.. full.Frame[..at], .. bad, .. full.Frame[at..]];
            return at >= IdEnd(full) ? FrameCase.Error("invalid UTF-8 after the id", frame, full.MessageId!, Formation) : FrameCase.NoAnswer("invalid UTF-8 before or in the id", frame);
        }));

    /// <summary>Frames that break the envelope (§4.1): type ids, id types and lengths, element counts, actions, nesting, answers.</summary>
    public static readonly Gen<FrameCase> Envelope = Gen.Frequency(
        (3, NotAFrame()),
        (2, WrongTypeId()),
        (2, WrongIdType()),
        (1, JsonGen.Text(FrameReader.MaxMessageIdLength + 1, 200).SelectMany(id => JsonGen.Quoted(id).Select(q =>
            FrameCase.Error("message id too long", $"[2,{q},\"Reset\",{ValidReset}]", id, Formation)))),
        (2, Structure()),
        (2, UnknownAction()),
        (2, NotServedAction()),
        (2, DeepNesting()),
        (2, AnswerWeDidNotWaitFor()));

    /// <summary>Frames of a few hundred kilobytes: valid ones, over-long strings and unknown blobs.</summary>
    public static readonly Gen<FrameCase> Oversized = Gen.Select(Gen.Int[100_000, 600_000], Gen.Int[0, 3]).SelectMany((size, kind) =>
    {
        var blob = new string('x', size);
        return kind switch
        {
            0 => Call("DataTransfer", $"{{\"vendorId\":\"com.example\",\"data\":\"{blob}\"}}").Select(c => FrameCase.Result("large DataTransfer data", c.Frame, c.MessageId)),
            1 => Call("DataTransfer", $"{{\"vendorId\":\"{blob}\"}}").Select(c => FrameCase.Error("over-long vendorId", c.Frame, c.MessageId, OcppErrorCode.PropertyConstraintViolation)),
            2 => Call("Reset", $"{{\"type\":\"Soft\",\"blob\":\"{blob}\"}}").Select(c => FrameCase.Error("unknown large property", c.Frame, c.MessageId, Formation)),
            _ => Call("GetConfiguration", $"{{\"key\":[{string.Join(',', Enumerable.Repeat("\"HeartbeatInterval\"", size / 20))}]}}")
                .Select(c => FrameCase.Result("huge key array", c.Frame, c.MessageId)),
        };
    });

    private static Gen<FrameCase> NotAFrame() => Gen.Frequency(
        (3, JsonGen.Value.Where(v => v is not JsonArray).Select(v => FrameCase.NoAnswer("not an array", v?.ToJsonString() ?? "null"))),
        (2, JsonGen.Value.Array[0, 4].Where(items => items.Length == 0 || items[0] is not JsonValue).Select(items =>
            FrameCase.NoAnswer("array without a type id", new JsonArray([.. items]).ToJsonString()))),
        (2, Gen.Byte.Array[0, 200].Select(bytes =>
        {
            if (bytes.Length > 0 && bytes[0] is (byte)'[' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                bytes[0] = (byte)'x';
            }

            return FrameCase.NoAnswer("random bytes", bytes);
        })));

    private static Gen<FrameCase> WrongTypeId() => Gen.Frequency(
        (2, Gen.Int.Where(n => n is < 2 or > 4).SelectMany(n => Call("Reset", ValidReset, n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(c => FrameCase.Error("unknown message type", c.Frame, c.MessageId, Formation)))),
        (1, Gen.OneOf("2.0", "3e0", "2147483648", "-2147483649", "1e400", "\"2\"", "null", "true", "[2]", "{}").SelectMany(type => Call("Reset", ValidReset, type)
            .Select(c => FrameCase.NoAnswer("message type not an integer", c.Frame)))));

    private static Gen<FrameCase> WrongIdType() => Gen.Select(Gen.Int[2, 4], JsonGen.OtherType("string")).Select((type, id) => FrameCase.NoAnswer(
        "message id not a string", type switch
        {
            2 => $"[2,{id},\"Reset\",{ValidReset}]",
            3 => $"[3,{id},{{}}]",
            _ => $"[4,{id},\"GenericError\",\"\",{{}}]",
        }));

    private static Gen<FrameCase> Structure() => Gen.Select(JsonGen.MessageId, Gen.Int[0, 5]).SelectMany((id, kind) => JsonGen.Quoted(id).Select(q => kind switch
    {
        0 => FrameCase.Error("CALL without payload", $"[2,{q},\"Reset\"]", id, OcppErrorCode.ProtocolError),
        1 => FrameCase.Error("CALL with a fifth element", $"[2,{q},\"Reset\",{ValidReset},{{}}]", id, Formation),
        2 => FrameCase.Error("data after the frame", $"[2,{q},\"Reset\",{ValidReset}] []", id, Formation),
        3 => FrameCase.Error("action not a string", $"[2,{q},5,{ValidReset}]", id, Formation),
        4 => FrameCase.Error("CALL without action", $"[2,{q}]", id, Formation),
        _ => FrameCase.Result("whitespace between the elements", $" [ 2 ,\n{q} ,\t\"Reset\" , {ValidReset} ] ", id),
    }));

    private static Gen<FrameCase> UnknownAction() =>
        Gen.Frequency(
            (2, JsonGen.Text(0, 40)),
            (1, Gen.OneOf([.. OcppActions.All.Select(a => a.Name.ToLowerInvariant())])),
            (1, Gen.OneOf([.. OcppActions.All.Select(a => a.Name + "Request")])))
        .Where(name => !OcppActions.TryGet(name, out _))
        .SelectMany(name => Gen.Select(JsonGen.Value, JsonGen.Quoted(name)))
        .SelectMany((payload, action) => Call(action, payload?.ToJsonString() ?? "null", quotedAction: true)
            .Select(c => FrameCase.Error("unknown action", c.Frame, c.MessageId, OcppErrorCode.NotImplemented)));

    private static Gen<FrameCase> NotServedAction() => Gen.Select(Gen.OneOf([.. DecoderHarness.NotServed]), JsonGen.Value).SelectMany((action, payload) =>
        Call(action.Name, payload?.ToJsonString() ?? "null").Select(c => FrameCase.Error("action of the Central System", c.Frame, c.MessageId, OcppErrorCode.NotSupported)));

    // The frame reader allows 64 levels (the frame itself is one): deeper is FormationViolation whatever the action.
    private static Gen<FrameCase> DeepNesting() => Gen.Int[0, 2].SelectMany(kind => kind switch
    {
        0 => JsonGen.Nested(1, 60).SelectMany(p => Call("FooBar", p)).Select(c => FrameCase.Error("nested payload of an unknown action", c.Frame, c.MessageId, OcppErrorCode.NotImplemented)),
        1 => JsonGen.Nested(70, 5000).SelectMany(p => Call("FooBar", p)).Select(c => FrameCase.Error("too deeply nested payload", c.Frame, c.MessageId, Formation)),
        _ => Gen.Select(ServedAction, JsonGen.Nested(1, 5000)).SelectMany((action, p) => Call(action.Name, $"{{\"nested\":{p}}}"))
            .Select(c => FrameCase.Error("nested unknown property", c.Frame, c.MessageId, Formation)),
    });

    private static Gen<FrameCase> AnswerWeDidNotWaitFor() => Gen.Select(JsonGen.MessageId, JsonGen.Value, Gen.Int[0, 3]).SelectMany((id, payload, kind) => JsonGen.Quoted(id).Select(q =>
        FrameCase.NoAnswer("answer without a CALL of ours", kind switch
        {
            0 => $"[3,{q},{payload?.ToJsonString() ?? "null"}]",
            1 => $"[3,{q}]",
            2 => $"[4,{q},\"GenericError\",\"\",{payload?.ToJsonString() ?? "null"}]",
            _ => $"[4,{q},{payload?.ToJsonString() ?? "null"}]",
        })));

    private static Gen<(byte[] Frame, string MessageId)> Call(string action, string payload, string type = "2", bool quotedAction = false) =>
        JsonGen.MessageId.SelectMany(id => JsonGen.Quoted(id).Select(q =>
            (Encoding.UTF8.GetBytes($"[{type},{q},{(quotedAction ? action : $"\"{action}\"")},{payload}]"), id)));

    // Where the message id of a generated CALL ends: after "[2," and the id's string literal.
    private static int IdEnd(FrameCase call)
    {
        var reader = new System.Text.Json.Utf8JsonReader(call.Frame);
        reader.Read();
        reader.Read();
        reader.Read();
        return (int)reader.BytesConsumed;
    }
}
