using System.Globalization;
using Ocpp16.Messages;
using Station.Configuration;

namespace Station.SmartCharging;

/// <summary>
/// The configuration keys of the Smart Charging profile (OCPP 1.6 §9.4). All are read-only for the
/// Central System, as §9.4 has them; a station model may set their values within the ranges.
/// </summary>
public static class SmartChargingKeys
{
    /// <summary>The highest stackLevel a profile may have.</summary>
    public const string ChargeProfileMaxStackLevel = nameof(ChargeProfileMaxStackLevel);

    /// <summary>The units a schedule may be written in: Current (A), Power (W).</summary>
    public const string ChargingScheduleAllowedChargingRateUnit = nameof(ChargingScheduleAllowedChargingRateUnit);

    /// <summary>The most periods one schedule may have.</summary>
    public const string ChargingScheduleMaxPeriods = nameof(ChargingScheduleMaxPeriods);

    /// <summary>Whether a connector may switch from 3 to 1 phase during a transaction.</summary>
    public const string ConnectorSwitch3to1PhaseSupported = nameof(ConnectorSwitch3to1PhaseSupported);

    /// <summary>The most profiles installed at once.</summary>
    public const string MaxChargingProfilesInstalled = nameof(MaxChargingProfilesInstalled);

    /// <summary>The list value standing for A.</summary>
    public const string Current = nameof(Current);

    /// <summary>The list value standing for W.</summary>
    public const string Power = nameof(Power);

    /// <summary>The Smart Charging keys, with the defaults of the built-in model.</summary>
    public static IReadOnlyList<ConfigurationKeyDefinition> Definitions() =>
    [
        Number(ChargeProfileMaxStackLevel, 10, 0, 100, "The highest stackLevel of a charging profile (the lowest is 0); a higher one is Rejected."),
        new ConfigurationKeyDefinition
        {
            Name = ChargingScheduleAllowedChargingRateUnit,
            Type = ConfigurationValueType.List,
            Profile = FeatureProfile.SmartCharging,
            ReadOnly = true,
            DefaultValue = $"{Current},{Power}",
            AllowedItems = new HashSet<string>(StringComparer.Ordinal) { Current, Power },
            MaxItems = 2,
            Description = "The units a charging schedule may use (Current: A, Power: W); a schedule in another is Rejected.",
        },
        Number(ChargingScheduleMaxPeriods, 24, 1, 1000, "The most periods of one charging schedule; a longer one is Rejected."),
        new ConfigurationKeyDefinition
        {
            Name = ConnectorSwitch3to1PhaseSupported,
            Type = ConfigurationValueType.Boolean,
            Profile = FeatureProfile.SmartCharging,
            ReadOnly = true,
            DefaultValue = "false",
            Description = "Whether a connector may switch from 3 to 1 phase during a transaction; the built-in connector has 1 phase.",
        },
        Number(MaxChargingProfilesInstalled, 16, 1, 1000, "The most charging profiles installed at once (after replacement); one more is Rejected."),
    ];

    /// <summary>The limits the keys set, as the validator reads them.</summary>
    public static SmartChargingLimits Read(IStationConfiguration configuration) => new()
    {
        ChargeProfileMaxStackLevel = configuration.GetInt(ChargeProfileMaxStackLevel),
        ChargingScheduleMaxPeriods = configuration.GetInt(ChargingScheduleMaxPeriods),
        MaxChargingProfilesInstalled = configuration.GetInt(MaxChargingProfilesInstalled),
        ChargingScheduleAllowedChargingRateUnit = [.. configuration.GetList(ChargingScheduleAllowedChargingRateUnit)
            .Select(unit => unit == Power ? ChargingRateUnitType.W : ChargingRateUnitType.A)],
    };

    private static ConfigurationKeyDefinition Number(string name, int value, int min, int max, string description) => new()
    {
        Name = name,
        Type = ConfigurationValueType.Integer,
        Profile = FeatureProfile.SmartCharging,
        ReadOnly = true,
        DefaultValue = value.ToString(CultureInfo.InvariantCulture),
        Min = min,
        Max = max,
        Description = description,
    };
}
