using Station.Configuration;

namespace Station.Model;

/// <summary>Checks a model before a station is built from it; every refusal is one line naming the offending value.</summary>
public static class StationModelValidator
{
    /// <summary>The most connectors one station may have.</summary>
    public const int MaxConnectors = 64;

    /// <summary>Throws <see cref="ModelException"/> at the first problem.</summary>
    public static StationModel Validate(StationModel model)
    {
        Length("vendor", model.Vendor, 20, required: true);
        Length("model", model.Model, 20, required: true);
        Length("serialNumber", model.SerialNumber, 25);
        Length("chargeBoxSerialNumber", model.ChargeBoxSerialNumber, 25);
        Length("firmwareVersion", model.FirmwareVersion, 50, required: true);
        Length("iccid", model.Iccid, 20);
        Length("imsi", model.Imsi, 20);
        Length("meterType", model.MeterType, 25);
        Length("meterSerialNumber", model.MeterSerialNumber, 25);
        if (model.StopTransactionMaxMeterValues < 1)
        {
            throw new ModelException($"stopTransactionMaxMeterValues: {model.StopTransactionMaxMeterValues} must be at least 1");
        }

        if (model.DisabledProfiles.Contains(Ocpp16.Messages.FeatureProfile.Core))
        {
            throw new ModelException("disabledProfiles: Core cannot be turned off");
        }

        if (model.Connectors.Count is < 1 or > MaxConnectors)
        {
            throw new ModelException($"connectors: {model.Connectors.Count} connectors; a station has 1 to {MaxConnectors}");
        }

        for (var i = 0; i < model.Connectors.Count; i++)
        {
            Connector(i, model.Connectors[i]);
        }

        // Surfaces unknown keys and defaults a key refuses now, not when the station starts.
        StationKeyCatalog.For(model, ["ftp", "http", "https"]);
        return model;
    }

    private static void Connector(int index, ConnectorModel connector)
    {
        var at = $"connectors[{index}]";
        if (string.IsNullOrWhiteSpace(connector.Type))
        {
            throw new ModelException($"{at}.type: a connector type such as cType2 is required");
        }

        if (connector.Phases is < 1 or > 3 || (connector.Current == CurrentType.DC && connector.Phases != 1))
        {
            throw new ModelException($"{at}.phases: {connector.Phases} is not valid for {connector.Current} (AC: 1 to 3, DC: 1)");
        }

        if (!double.IsFinite(connector.VoltageV) || connector.VoltageV is <= 0 or > 1500)
        {
            throw new ModelException($"{at}.voltageV: {connector.VoltageV} is outside 0..1500");
        }

        if (!double.IsFinite(connector.MaxCurrentA) || connector.MaxCurrentA is <= 0 or > 1000)
        {
            throw new ModelException($"{at}.maxCurrentA: {connector.MaxCurrentA} is outside 0..1000");
        }
    }

    private static void Length(string field, string? value, int max, bool required = false)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            throw new ModelException($"{field}: a value is required");
        }

        if (value is { Length: var length } && length > max)
        {
            throw new ModelException($"{field}: '{value}' has {length} characters; OCPP allows {max}");
        }
    }
}
