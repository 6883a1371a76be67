using Ocpp16.Messages;
using Ocpp16.Security;

namespace CentralSystem;

/// <summary>The key fields of the messages of Central System → Charge Point actions, for one-line traces.</summary>
internal static class CentralSystemMessageFields
{
    // A GetConfiguration answer can hold dozens of keys: a few fit on the line, more are counted.
    private const int MaxKeysShown = 5;

    public static bool TryWrite(FieldWriter fields, IOcppMessage message)
    {
        switch (message)
        {
            case RemoteStartTransactionRequest start:
                fields.Add("idTag", start.IdTag).Add("connectorId", start.ConnectorId)
                    .Add("chargingProfileId", start.ChargingProfile?.ChargingProfileId);
                return true;
            case RemoteStopTransactionRequest stop:
                fields.Add("transactionId", stop.TransactionId);
                return true;
            case ResetRequest reset:
                fields.Add("type", reset.Type);
                return true;
            case ChangeAvailabilityRequest availability:
                fields.Add("connectorId", availability.ConnectorId).Add("type", availability.Type);
                return true;
            case ChangeConfigurationRequest change:
                fields.Add("key", change.Key).Add("value", SecretText.ForLog(change.Key, change.Value));
                return true;
            case GetConfigurationRequest get:
                fields.Add("key", get.Key);
                return true;
            case GetConfigurationResponse get:
                WriteConfiguration(fields, get);
                return true;
            case UnlockConnectorRequest unlock:
                fields.Add("connectorId", unlock.ConnectorId);
                return true;
            case TriggerMessageRequest trigger:
                fields.Add("requestedMessage", trigger.RequestedMessage).Add("connectorId", trigger.ConnectorId);
                return true;
            case UpdateFirmwareRequest update:
                fields.Add("location", update.Location).Add("retrieveDate", update.RetrieveDate)
                    .Add("retries", update.Retries).Add("retryInterval", update.RetryInterval);
                return true;
            case GetDiagnosticsRequest diagnostics:
                fields.Add("location", diagnostics.Location).Add("startTime", diagnostics.StartTime).Add("stopTime", diagnostics.StopTime)
                    .Add("retries", diagnostics.Retries).Add("retryInterval", diagnostics.RetryInterval);
                return true;
            case GetDiagnosticsResponse diagnostics:
                fields.Add("fileName", diagnostics.FileName);
                return true;
            case ReserveNowRequest reserve:
                fields.Add("connectorId", reserve.ConnectorId).Add("idTag", reserve.IdTag).Add("reservationId", reserve.ReservationId)
                    .Add("expiryDate", reserve.ExpiryDate).Add("parentIdTag", reserve.ParentIdTag);
                return true;
            case CancelReservationRequest cancel:
                fields.Add("reservationId", cancel.ReservationId);
                return true;
            case SendLocalListRequest send:
                fields.Add("listVersion", send.ListVersion).Add("updateType", send.UpdateType).Add("entries", send.LocalAuthorizationList?.Count);
                return true;
            case GetLocalListVersionResponse version:
                fields.Add("listVersion", version.ListVersion);
                return true;
            case SetChargingProfileRequest set:
                fields.Add("connectorId", set.ConnectorId);
                WriteProfile(fields, set.CsChargingProfiles);
                return true;
            case ClearChargingProfileRequest clear:
                fields.Add("id", clear.Id).Add("connectorId", clear.ConnectorId).Add("purpose", clear.ChargingProfilePurpose).Add("stackLevel", clear.StackLevel);
                return true;
            case GetCompositeScheduleRequest get:
                fields.Add("connectorId", get.ConnectorId).Add("duration", get.Duration).Add("chargingRateUnit", get.ChargingRateUnit);
                return true;
            case GetCompositeScheduleResponse composite:
                fields.Add("status", composite.Status).Add("connectorId", composite.ConnectorId).Add("scheduleStart", composite.ScheduleStart);
                if (composite.ChargingSchedule is { } schedule)
                {
                    WriteSchedule(fields, schedule);
                }

                return true;
            case ClearCacheRequest or GetLocalListVersionRequest or UpdateFirmwareResponse:
                return true;
            default:
                return TryWriteStatus(fields, message);
        }
    }

    // The many answers that carry nothing but a status.
    private static bool TryWriteStatus(FieldWriter fields, IOcppMessage message)
    {
        switch (message)
        {
            case RemoteStartTransactionResponse m: fields.Add("status", m.Status); return true;
            case RemoteStopTransactionResponse m: fields.Add("status", m.Status); return true;
            case ResetResponse m: fields.Add("status", m.Status); return true;
            case ChangeAvailabilityResponse m: fields.Add("status", m.Status); return true;
            case ChangeConfigurationResponse m: fields.Add("status", m.Status); return true;
            case ClearCacheResponse m: fields.Add("status", m.Status); return true;
            case UnlockConnectorResponse m: fields.Add("status", m.Status); return true;
            case TriggerMessageResponse m: fields.Add("status", m.Status); return true;
            case ReserveNowResponse m: fields.Add("status", m.Status); return true;
            case CancelReservationResponse m: fields.Add("status", m.Status); return true;
            case SendLocalListResponse m: fields.Add("status", m.Status); return true;
            case SetChargingProfileResponse m: fields.Add("status", m.Status); return true;
            case ClearChargingProfileResponse m: fields.Add("status", m.Status); return true;
            default: return false;
        }
    }

    private static void WriteConfiguration(FieldWriter fields, GetConfigurationResponse answer)
    {
        var keys = answer.ConfigurationKey ?? [];
        if (keys.Count <= MaxKeysShown)
        {
            foreach (var key in keys)
            {
                fields.Add(key.Key, key.Value ?? string.Empty);
            }
        }
        else
        {
            fields.Add("configurationKey", keys.Count);
        }

        fields.Add("unknownKey", answer.UnknownKey is { Count: > 0 } unknown ? unknown : null);
    }

    private static void WriteProfile(FieldWriter fields, ChargingProfile profile)
    {
        fields.Add("chargingProfileId", profile.ChargingProfileId).Add("purpose", profile.ChargingProfilePurpose)
            .Add("stackLevel", profile.StackLevel).Add("kind", profile.ChargingProfileKind).Add("transactionId", profile.TransactionId);
        WriteSchedule(fields, profile.ChargingSchedule);
    }

    // The periods as "limits=0s:16A,3600s:8A": what a person checks first in a schedule.
    private static void WriteSchedule(FieldWriter fields, ChargingSchedule schedule)
    {
        var unit = FieldWriter.Wire(schedule.ChargingRateUnit);
        var periods = schedule.ChargingSchedulePeriod.Select(period => FormattableString.Invariant($"{period.StartPeriod}s:{period.Limit}{unit}"));
        fields.Add("limits", string.Join(',', periods));
    }
}
