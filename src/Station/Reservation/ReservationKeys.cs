using Ocpp16.Messages;
using Station.Configuration;

namespace Station.Reservation;

/// <summary>The configuration keys of the Reservation profile (OCPP 1.6 §9.4).</summary>
public static class ReservationKeys
{
    /// <summary>Whether ReserveNow may name connector 0: any connector of the station, one kept free for the idTag.</summary>
    public const string ReserveConnectorZeroSupported = nameof(ReserveConnectorZeroSupported);

    /// <summary>The Reservation keys; a model may change the default of <see cref="ReserveConnectorZeroSupported"/>.</summary>
    public static IReadOnlyList<ConfigurationKeyDefinition> Definitions() =>
    [
        new ConfigurationKeyDefinition
        {
            Name = ReserveConnectorZeroSupported,
            Type = ConfigurationValueType.Boolean,
            Profile = FeatureProfile.Reservation,
            ReadOnly = true,
            DefaultValue = "true",
            Description = "Whether ReserveNow may reserve connector 0: one connector of the station is kept for the idTag.",
        },
    ];
}
