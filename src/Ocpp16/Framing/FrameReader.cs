using System.Text.Json;
using System.Text.Unicode;

namespace Ocpp16.Framing;

/// <summary>
/// Reads OCPP-J frames (OCPP-J 1.6 §4): <c>[2, id, action, payload]</c>, <c>[3, id, payload]</c>,
/// <c>[4, id, code, description, details]</c>. Never throws: malformed input becomes a refused
/// <see cref="FrameReadResult"/>.
/// </summary>
public static class FrameReader
{
    /// <summary>OCPP-J 1.6 §4.1.4: a message id is at most 36 characters.</summary>
    public const int MaxMessageIdLength = 36;

    /// <summary>Reads one complete text message.</summary>
    public static FrameReadResult Read(ReadOnlyMemory<byte> message)
    {
        var reader = new Utf8JsonReader(message.Span, new JsonReaderOptions { MaxDepth = 64 });
        MessageTypeId? type = null;
        string? id = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return Refuse(null, null, OcppErrorCode.FormationViolation, "a frame must be a JSON array");
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var typeNumber))
            {
                return Refuse(null, null, OcppErrorCode.FormationViolation, "the first element of a frame must be the message type 2, 3 or 4");
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return Refuse(null, null, OcppErrorCode.FormationViolation, "the second element of a frame must be the message id string");
            }

            id = reader.GetString()!;
            if (typeNumber is < 2 or > 4)
            {
                return Refuse(null, id, OcppErrorCode.FormationViolation, $"unknown message type {typeNumber}");
            }

            type = (MessageTypeId)typeNumber;
            if (id.Length > MaxMessageIdLength)
            {
                return Refuse(type, id, OcppErrorCode.FormationViolation, $"message id of {id.Length} characters exceeds {MaxMessageIdLength}");
            }

            // RFC 8259 §8.1: JSON text is UTF-8. The reader checks only the strings it decodes, so a
            // byte sequence that is not UTF-8 could otherwise reach an enum or a property name.
            if (!Utf8.IsValid(message.Span))
            {
                return Refuse(type, id, OcppErrorCode.FormationViolation, "the frame is not valid UTF-8");
            }

            return type switch
            {
                MessageTypeId.Call => ReadCall(ref reader, message, id),
                MessageTypeId.CallResult => ReadCallResult(ref reader, message, id),
                _ => ReadCallError(ref reader, message, id),
            };
        }
        catch (JsonException ex)
        {
            return Refuse(type, id, OcppErrorCode.FormationViolation, $"malformed JSON: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader.GetString throws this for text that is not valid UTF-8 or UTF-16 ("\uD800").
            return Refuse(type, id, OcppErrorCode.FormationViolation, $"malformed JSON string: {ex.Message}");
        }
    }

    private static FrameReadResult ReadCall(ref Utf8JsonReader reader, ReadOnlyMemory<byte> message, string id)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return Refuse(MessageTypeId.Call, id, OcppErrorCode.FormationViolation, "the third element of a CALL must be the action string");
        }

        var action = reader.GetString()!;
        if (!ReadValue(ref reader, message, out var payload))
        {
            return Refuse(MessageTypeId.Call, id, OcppErrorCode.ProtocolError, $"the {action} CALL has no payload");
        }

        return End(ref reader, MessageTypeId.Call, id) ?? FrameReadResult.Valid(Frame.Call(id, action, payload));
    }

    private static FrameReadResult ReadCallResult(ref Utf8JsonReader reader, ReadOnlyMemory<byte> message, string id)
    {
        if (!ReadValue(ref reader, message, out var payload))
        {
            return Refuse(MessageTypeId.CallResult, id, OcppErrorCode.ProtocolError, "the CALLRESULT has no payload");
        }

        return End(ref reader, MessageTypeId.CallResult, id) ?? FrameReadResult.Valid(Frame.CallResult(id, payload));
    }

    private static FrameReadResult ReadCallError(ref Utf8JsonReader reader, ReadOnlyMemory<byte> message, string id)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return Refuse(MessageTypeId.CallError, id, OcppErrorCode.FormationViolation, "the third element of a CALLERROR must be the error code string");
        }

        var code = reader.GetString()!;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return Refuse(MessageTypeId.CallError, id, OcppErrorCode.FormationViolation, "the fourth element of a CALLERROR must be the error description string");
        }

        var description = reader.GetString()!;

        // Some peers omit the details object; the error itself is still readable.
        var hasDetails = ReadValue(ref reader, message, out var details);
        return End(ref reader, MessageTypeId.CallError, id, arrayClosed: !hasDetails) ?? FrameReadResult.Valid(Frame.CallError(id, code, description, details));
    }

    // Reads the next array element as a raw JSON value; false when the array ended instead.
    private static bool ReadValue(ref Utf8JsonReader reader, ReadOnlyMemory<byte> message, out ReadOnlyMemory<byte> value)
    {
        value = default;
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            return false;
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        value = message[start..(int)reader.BytesConsumed];
        return true;
    }

    private static FrameReadResult? End(ref Utf8JsonReader reader, MessageTypeId type, string id, bool arrayClosed = false)
    {
        if (!arrayClosed && (!reader.Read() || reader.TokenType != JsonTokenType.EndArray))
        {
            return Refuse(type, id, OcppErrorCode.FormationViolation, $"a {Name(type)} frame has too many elements");
        }

        return reader.Read() ? Refuse(type, id, OcppErrorCode.FormationViolation, "data after the end of the frame") : null;
    }

    private static string Name(MessageTypeId type) => type switch
    {
        MessageTypeId.Call => "CALL",
        MessageTypeId.CallResult => "CALLRESULT",
        _ => "CALLERROR",
    };

    private static FrameReadResult Refuse(MessageTypeId? type, string? id, OcppErrorCode code, string error) =>
        FrameReadResult.Invalid(type, id, code, error);
}
