using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Ocpp16.Framing;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>
/// One payload type (a .req or a .conf) with its source-generated contract: validates and binds
/// incoming JSON, and writes outgoing values.
/// </summary>
public sealed class OcppMessageType
{
    private readonly Lazy<ObjectShape> _shape;

    internal OcppMessageType(JsonTypeInfo typeInfo)
    {
        TypeInfo = typeInfo;
        _shape = new Lazy<ObjectShape>(() => ObjectShape.For(typeInfo));
    }

    /// <summary>The CLR type of the payload.</summary>
    public Type ClrType => TypeInfo.Type;

    /// <summary>The source-generated JSON contract.</summary>
    public JsonTypeInfo TypeInfo { get; }

    /// <summary>
    /// Validates and binds a payload. On failure <paramref name="error"/> carries the OCPP-J error
    /// code (FormationViolation, OccurenceConstraintViolation, TypeConstraintViolation or
    /// PropertyConstraintViolation) and a description naming the offending field.
    /// </summary>
    public bool TryRead(ReadOnlySpan<byte> json, [NotNullWhen(true)] out IOcppMessage? message, out PayloadError error)
    {
        var structural = PayloadValidator.Validate(json, _shape.Value);
        if (structural is { } found)
        {
            (message, error) = (null, found);
            return false;
        }

        try
        {
            message = (IOcppMessage)JsonSerializer.Deserialize(json, TypeInfo)!;
            error = default;
            return true;
        }
        catch (OcppJsonException ex)
        {
            (message, error) = (null, new PayloadError(ex.ErrorCode, $"{ex.Path}: {ex.Message}"));
            return false;
        }
        catch (JsonException ex)
        {
            // The structural pass leaves nothing the serializer should refuse; keep a clear answer anyway.
            (message, error) = (null, new PayloadError(OcppErrorCode.FormationViolation, ex.Message));
            return false;
        }
    }

    /// <summary>Writes <paramref name="message"/> as a JSON object.</summary>
    public void Write(Utf8JsonWriter writer, IOcppMessage message) => JsonSerializer.Serialize(writer, message, TypeInfo);
}
