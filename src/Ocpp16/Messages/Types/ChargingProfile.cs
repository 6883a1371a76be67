using System.Text.Json.Serialization;

namespace Ocpp16.Messages;

/// <summary>A charging profile: limits over time for a connector or the whole Charge Point (§7.7).</summary>
public sealed record ChargingProfile
{
    /// <summary>Unique identifier of the profile.</summary>
    [JsonPropertyName("chargingProfileId")]
    public required int ChargingProfileId { get; init; }

    /// <summary>The transaction a TxProfile applies to.</summary>
    [JsonPropertyName("transactionId")]
    public int? TransactionId { get; init; }

    /// <summary>Priority among profiles of the same purpose: the highest stack level wins.</summary>
    [JsonPropertyName("stackLevel")]
    public required int StackLevel { get; init; }

    /// <summary>What the profile is for.</summary>
    [JsonPropertyName("chargingProfilePurpose")]
    public required ChargingProfilePurposeType ChargingProfilePurpose { get; init; }

    /// <summary>How the start of the schedule is determined.</summary>
    [JsonPropertyName("chargingProfileKind")]
    public required ChargingProfileKindType ChargingProfileKind { get; init; }

    /// <summary>How a Recurring profile repeats.</summary>
    [JsonPropertyName("recurrencyKind")]
    public RecurrencyKindType? RecurrencyKind { get; init; }

    /// <summary>From when the profile is valid.</summary>
    [JsonPropertyName("validFrom")]
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>Until when the profile is valid.</summary>
    [JsonPropertyName("validTo")]
    public DateTimeOffset? ValidTo { get; init; }

    /// <summary>The limits over time.</summary>
    [JsonPropertyName("chargingSchedule")]
    public required ChargingSchedule ChargingSchedule { get; init; }
}
