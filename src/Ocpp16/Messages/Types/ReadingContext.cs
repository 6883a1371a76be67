using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>Why a value was sampled.</summary>
[JsonConverter(typeof(OcppEnumConverter<ReadingContext>))]
public enum ReadingContext
{
    /// <summary>Interruption.Begin</summary>
    [JsonStringEnumMemberName("Interruption.Begin")]
    InterruptionBegin,

    /// <summary>Interruption.End</summary>
    [JsonStringEnumMemberName("Interruption.End")]
    InterruptionEnd,

    /// <summary>Sample.Clock</summary>
    [JsonStringEnumMemberName("Sample.Clock")]
    SampleClock,

    /// <summary>Sample.Periodic</summary>
    [JsonStringEnumMemberName("Sample.Periodic")]
    SamplePeriodic,

    /// <summary>Transaction.Begin</summary>
    [JsonStringEnumMemberName("Transaction.Begin")]
    TransactionBegin,

    /// <summary>Transaction.End</summary>
    [JsonStringEnumMemberName("Transaction.End")]
    TransactionEnd,

    /// <summary>Trigger</summary>
    Trigger,

    /// <summary>Other</summary>
    Other,
}
