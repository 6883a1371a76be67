using System.Globalization;
using Ocpp16.Messages;
using Station.Model;

namespace Station.Configuration;

/// <summary>The configuration keys of the Core profile (OCPP 1.6 §9.1) and their definitions in this station.</summary>
public static class CoreKeys
{
#pragma warning disable CS1591 // The names are the OCPP key names; their meaning is in the definitions below.
    public const string AllowOfflineTxForUnknownId = nameof(AllowOfflineTxForUnknownId);
    public const string AuthorizationCacheEnabled = nameof(AuthorizationCacheEnabled);
    public const string AuthorizeRemoteTxRequests = nameof(AuthorizeRemoteTxRequests);
    public const string BlinkRepeat = nameof(BlinkRepeat);
    public const string ClockAlignedDataInterval = nameof(ClockAlignedDataInterval);
    public const string ConnectionTimeOut = nameof(ConnectionTimeOut);
    public const string ConnectorPhaseRotation = nameof(ConnectorPhaseRotation);
    public const string ConnectorPhaseRotationMaxLength = nameof(ConnectorPhaseRotationMaxLength);
    public const string GetConfigurationMaxKeys = nameof(GetConfigurationMaxKeys);
    public const string HeartbeatInterval = nameof(HeartbeatInterval);
    public const string LightIntensity = nameof(LightIntensity);
    public const string LocalAuthorizeOffline = nameof(LocalAuthorizeOffline);
    public const string LocalPreAuthorize = nameof(LocalPreAuthorize);
    public const string MaxEnergyOnInvalidId = nameof(MaxEnergyOnInvalidId);
    public const string MeterValuesAlignedData = nameof(MeterValuesAlignedData);
    public const string MeterValuesAlignedDataMaxLength = nameof(MeterValuesAlignedDataMaxLength);
    public const string MeterValuesSampledData = nameof(MeterValuesSampledData);
    public const string MeterValuesSampledDataMaxLength = nameof(MeterValuesSampledDataMaxLength);
    public const string MeterValueSampleInterval = nameof(MeterValueSampleInterval);
    public const string MinimumStatusDuration = nameof(MinimumStatusDuration);
    public const string NumberOfConnectors = nameof(NumberOfConnectors);
    public const string ResetRetries = nameof(ResetRetries);
    public const string StopTransactionOnEVSideDisconnect = nameof(StopTransactionOnEVSideDisconnect);
    public const string StopTransactionOnInvalidId = nameof(StopTransactionOnInvalidId);
    public const string StopTxnAlignedData = nameof(StopTxnAlignedData);
    public const string StopTxnAlignedDataMaxLength = nameof(StopTxnAlignedDataMaxLength);
    public const string StopTxnSampledData = nameof(StopTxnSampledData);
    public const string StopTxnSampledDataMaxLength = nameof(StopTxnSampledDataMaxLength);
    public const string SupportedFeatureProfiles = nameof(SupportedFeatureProfiles);
    public const string SupportedFeatureProfilesMaxLength = nameof(SupportedFeatureProfilesMaxLength);
    public const string TransactionMessageAttempts = nameof(TransactionMessageAttempts);
    public const string TransactionMessageRetryInterval = nameof(TransactionMessageRetryInterval);
    public const string UnlockConnectorOnEVSideDisconnect = nameof(UnlockConnectorOnEVSideDisconnect);
    public const string WebSocketPingInterval = nameof(WebSocketPingInterval);
    public const string StopTransactionMaxMeterValues = nameof(StopTransactionMaxMeterValues);
#pragma warning restore CS1591

    /// <summary>ORS-2/3/9/10: the measurand lists hold at most this many items unless a model says otherwise.</summary>
    public const int DefaultMeasurandListLength = 4;

    private static readonly HashSet<string> PhaseRotations = ["NotApplicable", "Unknown", "RST", "RTS", "SRT", "STR", "TRS", "TSR"];

    /// <summary>The Core keys of a station with <paramref name="model"/>'s connectors.</summary>
    /// <param name="model">The station model (connector count, limits).</param>
    /// <param name="measurands">The measurands the meters can report (wire names).</param>
    /// <param name="profiles">The feature profiles this station supports.</param>
    public static IReadOnlyList<ConfigurationKeyDefinition> Definitions(StationModel model, IReadOnlySet<string> measurands, IReadOnlyList<FeatureProfile> profiles)
    {
        var connectors = model.Connectors.Count;
        var listLength = DefaultMeasurandListLength;
        return
        [
            Flag(AllowOfflineTxForUnknownId, false, "C-02: while offline, an identifier the station does not know may start a transaction."),
            Flag(AuthorizationCacheEnabled, true, "C-04: remember identifiers the Central System accepted, for LocalPreAuthorize and offline use."),
            Flag(AuthorizeRemoteTxRequests, false, "Send Authorize for the idTag of a RemoteStartTransaction before starting."),
            Number(BlinkRepeat, 3, 0, 100, "Times to blink the lights when signalling; stored, the simulated station has no lights."),
            Number(ClockAlignedDataInterval, 900, 1, 86400, "Seconds between clock-aligned meter values, aligned to midnight; 0 turns them off.", zeroTurnsOff: true),
            Number(ConnectionTimeOut, 60, 1, 3600, "Seconds an authorization waits for the cable before the connector returns to Available."),
            new ConfigurationKeyDefinition
            {
                Name = ConnectorPhaseRotation,
                Type = ConfigurationValueType.List,
                Profile = FeatureProfile.Core,
                DefaultValue = string.Join(",", Enumerable.Range(1, connectors).Select(c => $"{c}.{(model.Connectors[c - 1].Phases == 3 ? "RST" : "NotApplicable")}")),
                Description = "Phase rotation per connector, e.g. 1.RST (stored; informs the Central System).",
                MaxItems = connectors + 1,
                ItemRule = PhaseRotationRule(connectors),
            },
            ReadOnlyNumber(ConnectorPhaseRotationMaxLength, connectors + 1, "Most items in ConnectorPhaseRotation."),
            ReadOnlyNumber(GetConfigurationMaxKeys, 24, "ORS-1: most keys one GetConfiguration may ask for."),
            Number(HeartbeatInterval, 60, 10, 86400, "Seconds between Heartbeats; the BootNotification answer sets it too (clamped to the range)."),
            Number(LightIntensity, 100, 0, 100, "Percent of light intensity; stored, the simulated station has no lights."),
            Flag(LocalAuthorizeOffline, true, "C-01: while offline, start transactions for identifiers accepted in the Local Authorization List or the authorization cache."),
            Flag(LocalPreAuthorize, false, "While online, start at once for identifiers accepted in the Local Authorization List or the cache, without waiting for Authorize."),
            Number(MaxEnergyOnInvalidId, 0, 0, 1_000_000, "C-03: Wh still delivered after the Central System declares the idTag of a running transaction invalid."),
            Measurands(MeterValuesAlignedData, "Energy.Active.Import.Register", measurands, listLength, "Measurands of clock-aligned MeterValues."),
            ReadOnlyNumber(MeterValuesAlignedDataMaxLength, listLength, "ORS-2: most items in MeterValuesAlignedData."),
            Measurands(MeterValuesSampledData, "Energy.Active.Import.Register", measurands, listLength, "Measurands of sampled MeterValues during a transaction."),
            ReadOnlyNumber(MeterValuesSampledDataMaxLength, listLength, "ORS-3: most items in MeterValuesSampledData."),
            Number(MeterValueSampleInterval, 60, 1, 86400, "Seconds between sampled MeterValues during a transaction; 0 turns them off.", zeroTurnsOff: true),
            Number(MinimumStatusDuration, 0, 0, 3600, "C-05: seconds a status must last before it is reported."),
            ReadOnlyNumber(NumberOfConnectors, connectors, "Number of connectors."),
            Number(ResetRetries, 1, 0, 10, "Times to retry a failed reset; resets of this station do not fail."),
            Flag(StopTransactionOnEVSideDisconnect, true, "C-06: stop the transaction when the EV is unplugged (true) or keep it suspended (false)."),
            Flag(StopTransactionOnInvalidId, true, "Stop a transaction whose idTag the StartTransaction answer declares invalid (else suspend it)."),
            Measurands(StopTxnAlignedData, string.Empty, measurands, listLength, "Clock-aligned measurands in the transactionData of StopTransaction."),
            ReadOnlyNumber(StopTxnAlignedDataMaxLength, listLength, "ORS-9: most items in StopTxnAlignedData."),
            Measurands(StopTxnSampledData, string.Empty, measurands, listLength, "Sampled measurands in the transactionData of StopTransaction."),
            ReadOnlyNumber(StopTxnSampledDataMaxLength, listLength, "ORS-10: most items in StopTxnSampledData."),
            new ConfigurationKeyDefinition
            {
                Name = SupportedFeatureProfiles,
                Type = ConfigurationValueType.List,
                Profile = FeatureProfile.Core,
                ReadOnly = true,
                DefaultValue = string.Join(",", profiles),
                Description = "The feature profiles this station supports.",
            },
            ReadOnlyNumber(SupportedFeatureProfilesMaxLength, 6, "Most items in SupportedFeatureProfiles."),
            Number(TransactionMessageAttempts, 3, 1, 100, "Attempts to deliver a transaction message the Central System answers with an error or not at all."),
            Number(TransactionMessageRetryInterval, 30, 1, 86400, "Seconds before a failed transaction message is sent again, multiplied by the attempts so far."),
            Flag(UnlockConnectorOnEVSideDisconnect, true, "Release the cable lock when the EV is unplugged (no effect with a fixed cable)."),
            Number(WebSocketPingInterval, 0, 1, 86400, "ORS-11: seconds between WebSocket pings; 0 turns them off; applies from the next connection.", zeroTurnsOff: true),
            ReadOnlyNumber(StopTransactionMaxMeterValues, model.StopTransactionMaxMeterValues, "ORS-8: most meter values in a StopTransaction's transactionData (vendor key)."),
        ];
    }

    private static ConfigurationKeyDefinition Flag(string name, bool value, string description) => new()
    {
        Name = name,
        Type = ConfigurationValueType.Boolean,
        Profile = FeatureProfile.Core,
        DefaultValue = value ? "true" : "false",
        Description = description,
    };

    private static ConfigurationKeyDefinition Number(string name, int value, int min, int max, string description, bool zeroTurnsOff = false) => new()
    {
        Name = name,
        Type = ConfigurationValueType.Integer,
        Profile = FeatureProfile.Core,
        DefaultValue = value.ToString(CultureInfo.InvariantCulture),
        Min = min,
        Max = max,
        ZeroTurnsOff = zeroTurnsOff,
        Description = description,
    };

    private static ConfigurationKeyDefinition ReadOnlyNumber(string name, int value, string description) =>
        Number(name, value, value, value, description) with { ReadOnly = true };

    private static ConfigurationKeyDefinition Measurands(string name, string value, IReadOnlySet<string> measurands, int maxItems, string description) => new()
    {
        Name = name,
        Type = ConfigurationValueType.List,
        Profile = FeatureProfile.Core,
        DefaultValue = value,
        AllowedItems = measurands,
        MaxItems = maxItems,
        Description = description,
    };

    private static Func<string, string?> PhaseRotationRule(int connectors) => item =>
    {
        var parts = item.Split('.', 2);
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var connector)
            && connector >= 0 && connector <= connectors
            && PhaseRotations.Contains(parts[1])
            ? null
            : $"'{item}' is not <connector 0..{connectors}>.<{string.Join("|", PhaseRotations)}>";
    };
}
