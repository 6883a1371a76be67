using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ocpp16.Messages;

namespace Ocpp16.Framing;

/// <summary>Writes OCPP-J frames as UTF-8 JSON text.</summary>
public static class FrameWriter
{
    // OCPP frames are never embedded in HTML, so identifiers and values stay readable on the wire.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <c>[2, messageId, action, payload]</c>.</summary>
    public static void WriteCall(IBufferWriter<byte> output, string messageId, OcppAction action, IOcppRequest payload)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartArray();
        writer.WriteNumberValue((int)MessageTypeId.Call);
        writer.WriteStringValue(messageId);
        writer.WriteStringValue(action.Name);
        action.Request.Write(writer, payload);
        writer.WriteEndArray();
    }

    /// <summary>Writes <c>[3, messageId, payload]</c>.</summary>
    public static void WriteCallResult(IBufferWriter<byte> output, string messageId, OcppAction action, IOcppResponse payload)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartArray();
        writer.WriteNumberValue((int)MessageTypeId.CallResult);
        writer.WriteStringValue(messageId);
        action.Response.Write(writer, payload);
        writer.WriteEndArray();
    }

    /// <summary>Writes <c>[4, messageId, errorCode, errorDescription, {}]</c>.</summary>
    public static void WriteCallError(IBufferWriter<byte> output, string messageId, OcppErrorCode errorCode, string errorDescription)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartArray();
        writer.WriteNumberValue((int)MessageTypeId.CallError);
        writer.WriteStringValue(messageId);
        writer.WriteStringValue(errorCode.ToString());
        writer.WriteStringValue(errorDescription);
        writer.WriteStartObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }
}
