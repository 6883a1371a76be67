namespace Ocpp16.Json;

/// <summary>The JSON kinds a schema property can have.</summary>
internal enum ValueKind
{
    String,
    Integer,
    Number,
    Boolean,
    Object,
    Array,
}
