using System.Globalization;
using Ocpp16.Messages;

namespace CentralSystem;

/// <summary>The key fields of the messages of Charge Point → Central System actions, for one-line traces.</summary>
internal static class ChargePointMessageFields
{
    public static bool TryWrite(FieldWriter fields, IOcppMessage message)
    {
        switch (message)
        {
            case BootNotificationRequest boot:
                fields.Add("vendor", boot.ChargePointVendor).Add("model", boot.ChargePointModel)
                    .Add("serial", boot.ChargePointSerialNumber ?? boot.ChargeBoxSerialNumber).Add("firmware", boot.FirmwareVersion);
                return true;
            case BootNotificationResponse boot:
                fields.Add("status", boot.Status).Add("interval", boot.Interval).Add("currentTime", boot.CurrentTime);
                return true;
            case HeartbeatResponse heartbeat:
                fields.Add("currentTime", heartbeat.CurrentTime);
                return true;
            case AuthorizeRequest authorize:
                fields.Add("idTag", authorize.IdTag);
                return true;
            case AuthorizeResponse authorize:
                WriteIdTagInfo(fields, authorize.IdTagInfo);
                return true;
            case StartTransactionRequest start:
                fields.Add("connectorId", start.ConnectorId).Add("idTag", start.IdTag).Add("meterStart", start.MeterStart)
                    .Add("reservationId", start.ReservationId);
                return true;
            case StartTransactionResponse start:
                fields.Add("transactionId", start.TransactionId);
                WriteIdTagInfo(fields, start.IdTagInfo);
                return true;
            case StopTransactionRequest stop:
                fields.Add("transactionId", stop.TransactionId).Add("idTag", stop.IdTag).Add("meterStop", stop.MeterStop)
                    .Add("reason", stop.Reason).Add("transactionData", stop.TransactionData?.Count);
                return true;
            case StopTransactionResponse stop:
                WriteIdTagInfo(fields, stop.IdTagInfo);
                return true;
            case StatusNotificationRequest status:
                fields.Add("connectorId", status.ConnectorId).Add("status", status.Status);

                // NoError is the normal case; only a real error earns room on the line.
                if (status.ErrorCode != ChargePointErrorCode.NoError)
                {
                    fields.Add("errorCode", status.ErrorCode);
                }

                fields.Add("info", status.Info).Add("vendorErrorCode", status.VendorErrorCode);
                return true;
            case MeterValuesRequest meter:
                fields.Add("connectorId", meter.ConnectorId).Add("transactionId", meter.TransactionId);
                WriteMeterValues(fields, meter.MeterValue);
                return true;
            case DataTransferRequest data:
                fields.Add("vendorId", data.VendorId).Add("messageId", data.MessageId).Add("data", data.Data);
                return true;
            case DataTransferResponse data:
                fields.Add("status", data.Status).Add("data", data.Data);
                return true;
            case FirmwareStatusNotificationRequest firmware:
                fields.Add("status", firmware.Status);
                return true;
            case DiagnosticsStatusNotificationRequest diagnostics:
                fields.Add("status", diagnostics.Status);
                return true;
            case HeartbeatRequest or StatusNotificationResponse or MeterValuesResponse
                or FirmwareStatusNotificationResponse or DiagnosticsStatusNotificationResponse:
                return true;
            default:
                return false;
        }
    }

    public static void WriteIdTagInfo(FieldWriter fields, IdTagInfo? info)
    {
        if (info is not null)
        {
            fields.Add("status", info.Status).Add("parentIdTag", info.ParentIdTag).Add("expiryDate", info.ExpiryDate);
        }
    }

    /// <summary>Each sampled value as <c>Measurand[.Phase]=ValueUnit</c>, e.g. <c>Energy.Active.Import.Register=1234Wh</c>.</summary>
    public static void WriteMeterValues(FieldWriter fields, IReadOnlyList<MeterValue> meterValues)
    {
        foreach (var sampled in meterValues.SelectMany(meterValue => meterValue.SampledValue))
        {
            // OCPP 1.6 §7.43: without a measurand the value is Energy.Active.Import.Register, and an
            // energy value without a unit is in Wh.
            var measurand = sampled.Measurand ?? Measurand.EnergyActiveImportRegister;
            var name = FieldWriter.Wire(measurand);
            var phase = sampled.Phase is { } p ? "." + FieldWriter.Wire(p) : string.Empty;
            var unit = sampled.Unit is { } u ? Symbol(u) : name.StartsWith("Energy.", StringComparison.Ordinal) ? "Wh" : string.Empty;
            fields.Raw(string.Create(CultureInfo.InvariantCulture, $"{name}{phase}={sampled.Value}{unit}"));
        }
    }

    private static string Symbol(UnitOfMeasure unit) => unit switch
    {
        UnitOfMeasure.Celsius or UnitOfMeasure.Celcius => "°C",
        UnitOfMeasure.Fahrenheit => "°F",
        UnitOfMeasure.Percent => "%",
        _ => FieldWriter.Wire(unit),
    };
}
