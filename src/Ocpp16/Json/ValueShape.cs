namespace Ocpp16.Json;

/// <summary>The expected shape of one JSON value.</summary>
internal sealed class ValueShape(ValueKind kind, ObjectShape? objectShape = null, ValueShape? element = null, bool isDateTime = false)
{
    public ValueKind Kind { get; } = kind;

    /// <summary>A string in the schemas' <c>date-time</c> format (bound to <see cref="DateTimeOffset"/>).</summary>
    public bool IsDateTime { get; } = isDateTime;

    public ObjectShape? Object { get; } = objectShape;

    public ValueShape? Element { get; } = element;
}
