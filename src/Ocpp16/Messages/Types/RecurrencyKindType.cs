using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>How a recurring charging schedule repeats.</summary>
[JsonConverter(typeof(OcppEnumConverter<RecurrencyKindType>))]
public enum RecurrencyKindType
{
    /// <summary>Daily</summary>
    Daily,

    /// <summary>Weekly</summary>
    Weekly,
}
