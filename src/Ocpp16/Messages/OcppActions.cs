using System.Collections.Frozen;
using System.Text.Json.Serialization.Metadata;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>
/// The 28 operations of OCPP 1.6 (Core, Firmware Management, Local Auth List Management, Reservation, Smart Charging, Remote Trigger)
/// and the 11 of the security whitepaper ("Improved security for OCPP 1.6-J", edition 3).
/// </summary>
public static class OcppActions
{
    /// <summary>Authorize: see <see cref="AuthorizeRequest"/>.</summary>
    public static readonly OcppAction<AuthorizeRequest, AuthorizeResponse> Authorize = Create(
        "Authorize", FeatureProfile.Core, MessageDirection.ChargePointToCentralSystem, Ocpp16JsonContext.Default.AuthorizeRequest, Ocpp16JsonContext.Default.AuthorizeResponse);

    /// <summary>BootNotification: see <see cref="BootNotificationRequest"/>.</summary>
    public static readonly OcppAction<BootNotificationRequest, BootNotificationResponse> BootNotification = Create(
        "BootNotification", FeatureProfile.Core, MessageDirection.ChargePointToCentralSystem, Ocpp16JsonContext.Default.BootNotificationRequest, Ocpp16JsonContext.Default.BootNotificationResponse);

    /// <summary>ChangeAvailability: see <see cref="ChangeAvailabilityRequest"/>.</summary>
    public static readonly OcppAction<ChangeAvailabilityRequest, ChangeAvailabilityResponse> ChangeAvailability = Create(
        "ChangeAvailability", FeatureProfile.Core, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.ChangeAvailabilityRequest, Ocpp16JsonContext.Default.ChangeAvailabilityResponse);

    /// <summary>ChangeConfiguration: see <see cref="ChangeConfigurationRequest"/>.</summary>
    public static readonly OcppAction<ChangeConfigurationRequest, ChangeConfigurationResponse> ChangeConfiguration = Create(
        "ChangeConfiguration", FeatureProfile.Core, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.ChangeConfigurationRequest, Ocpp16JsonContext.Default.ChangeConfigurationResponse);

    /// <summary>ClearCache: see <see cref="ClearCacheRequest"/>.</summary>
    public static readonly OcppAction<ClearCacheRequest, ClearCacheResponse> ClearCache = Create(
        "ClearCache", FeatureProfile.Core, MessageDirection.CentralSystemToChargePoint, Ocpp16JsonContext.Default.ClearCacheRequest, Ocpp16JsonContext.Default.ClearCacheResponse);

    /// <summary>DataTransfer: see <see cref="DataTransferRequest"/>.</summary>
    public static readonly OcppAction<DataTransferRequest, DataTransferResponse> DataTransfer = Create(
        "DataTransfer", FeatureProfile.Core, MessageDirection.Both, Ocpp16JsonContext.Default.DataTransferRequest, Ocpp16JsonContext.Default.DataTransferResponse);

    /// <summary>GetConfiguration: see <see cref="GetConfigurationRequest"/>.</summary>
    public static readonly OcppAction<GetConfigurationRequest, GetConfigurationResponse> GetConfiguration = Create(
        "GetConfiguration", FeatureProfile.Core, MessageDirection.CentralSystemToChargePoint, Ocpp16JsonContext.Default.GetConfigurationRequest, Ocpp16JsonContext.Default.GetConfigurationResponse);

    /// <summary>Heartbeat: see <see cref="HeartbeatRequest"/>.</summary>
    public static readonly OcppAction<HeartbeatRequest, HeartbeatResponse> Heartbeat = Create(
        "Heartbeat", FeatureProfile.Core, MessageDirection.ChargePointToCentralSystem, Ocpp16JsonContext.Default.HeartbeatRequest, Ocpp16JsonContext.Default.HeartbeatResponse);

    /// <summary>MeterValues: see <see cref="MeterValuesRequest"/>.</summary>
    public static readonly OcppAction<MeterValuesRequest, MeterValuesResponse> MeterValues = Create(
        "MeterValues", FeatureProfile.Core, MessageDirection.ChargePointToCentralSystem, Ocpp16JsonContext.Default.MeterValuesRequest, Ocpp16JsonContext.Default.MeterValuesResponse);

    /// <summary>RemoteStartTransaction: see <see cref="RemoteStartTransactionRequest"/>.</summary>
    public static readonly OcppAction<RemoteStartTransactionRequest, RemoteStartTransactionResponse> RemoteStartTransaction = Create(
        "RemoteStartTransaction", FeatureProfile.Core, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.RemoteStartTransactionRequest, Ocpp16JsonContext.Default.RemoteStartTransactionResponse);

    /// <summary>RemoteStopTransaction: see <see cref="RemoteStopTransactionRequest"/>.</summary>
    public static readonly OcppAction<RemoteStopTransactionRequest, RemoteStopTransactionResponse> RemoteStopTransaction = Create(
        "RemoteStopTransaction", FeatureProfile.Core, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.RemoteStopTransactionRequest, Ocpp16JsonContext.Default.RemoteStopTransactionResponse);

    /// <summary>Reset: see <see cref="ResetRequest"/>.</summary>
    public static readonly OcppAction<ResetRequest, ResetResponse> Reset = Create(
        "Reset", FeatureProfile.Core, MessageDirection.CentralSystemToChargePoint, Ocpp16JsonContext.Default.ResetRequest, Ocpp16JsonContext.Default.ResetResponse);

    /// <summary>StartTransaction: see <see cref="StartTransactionRequest"/>.</summary>
    public static readonly OcppAction<StartTransactionRequest, StartTransactionResponse> StartTransaction = Create(
        "StartTransaction", FeatureProfile.Core, MessageDirection.ChargePointToCentralSystem, Ocpp16JsonContext.Default.StartTransactionRequest, Ocpp16JsonContext.Default.StartTransactionResponse);

    /// <summary>StatusNotification: see <see cref="StatusNotificationRequest"/>.</summary>
    public static readonly OcppAction<StatusNotificationRequest, StatusNotificationResponse> StatusNotification = Create(
        "StatusNotification", FeatureProfile.Core, MessageDirection.ChargePointToCentralSystem,
        Ocpp16JsonContext.Default.StatusNotificationRequest, Ocpp16JsonContext.Default.StatusNotificationResponse);

    /// <summary>StopTransaction: see <see cref="StopTransactionRequest"/>.</summary>
    public static readonly OcppAction<StopTransactionRequest, StopTransactionResponse> StopTransaction = Create(
        "StopTransaction", FeatureProfile.Core, MessageDirection.ChargePointToCentralSystem, Ocpp16JsonContext.Default.StopTransactionRequest, Ocpp16JsonContext.Default.StopTransactionResponse);

    /// <summary>UnlockConnector: see <see cref="UnlockConnectorRequest"/>.</summary>
    public static readonly OcppAction<UnlockConnectorRequest, UnlockConnectorResponse> UnlockConnector = Create(
        "UnlockConnector", FeatureProfile.Core, MessageDirection.CentralSystemToChargePoint, Ocpp16JsonContext.Default.UnlockConnectorRequest, Ocpp16JsonContext.Default.UnlockConnectorResponse);

    /// <summary>DiagnosticsStatusNotification: see <see cref="DiagnosticsStatusNotificationRequest"/>.</summary>
    public static readonly OcppAction<DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse> DiagnosticsStatusNotification = Create(
        "DiagnosticsStatusNotification", FeatureProfile.FirmwareManagement, MessageDirection.ChargePointToCentralSystem,
        Ocpp16JsonContext.Default.DiagnosticsStatusNotificationRequest, Ocpp16JsonContext.Default.DiagnosticsStatusNotificationResponse);

    /// <summary>FirmwareStatusNotification: see <see cref="FirmwareStatusNotificationRequest"/>.</summary>
    public static readonly OcppAction<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse> FirmwareStatusNotification = Create(
        "FirmwareStatusNotification", FeatureProfile.FirmwareManagement, MessageDirection.ChargePointToCentralSystem,
        Ocpp16JsonContext.Default.FirmwareStatusNotificationRequest, Ocpp16JsonContext.Default.FirmwareStatusNotificationResponse);

    /// <summary>GetDiagnostics: see <see cref="GetDiagnosticsRequest"/>.</summary>
    public static readonly OcppAction<GetDiagnosticsRequest, GetDiagnosticsResponse> GetDiagnostics = Create(
        "GetDiagnostics", FeatureProfile.FirmwareManagement, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.GetDiagnosticsRequest, Ocpp16JsonContext.Default.GetDiagnosticsResponse);

    /// <summary>UpdateFirmware: see <see cref="UpdateFirmwareRequest"/>.</summary>
    public static readonly OcppAction<UpdateFirmwareRequest, UpdateFirmwareResponse> UpdateFirmware = Create(
        "UpdateFirmware", FeatureProfile.FirmwareManagement, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.UpdateFirmwareRequest, Ocpp16JsonContext.Default.UpdateFirmwareResponse);

    /// <summary>GetLocalListVersion: see <see cref="GetLocalListVersionRequest"/>.</summary>
    public static readonly OcppAction<GetLocalListVersionRequest, GetLocalListVersionResponse> GetLocalListVersion = Create(
        "GetLocalListVersion", FeatureProfile.LocalAuthListManagement, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.GetLocalListVersionRequest, Ocpp16JsonContext.Default.GetLocalListVersionResponse);

    /// <summary>SendLocalList: see <see cref="SendLocalListRequest"/>.</summary>
    public static readonly OcppAction<SendLocalListRequest, SendLocalListResponse> SendLocalList = Create(
        "SendLocalList", FeatureProfile.LocalAuthListManagement, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.SendLocalListRequest, Ocpp16JsonContext.Default.SendLocalListResponse);

    /// <summary>CancelReservation: see <see cref="CancelReservationRequest"/>.</summary>
    public static readonly OcppAction<CancelReservationRequest, CancelReservationResponse> CancelReservation = Create(
        "CancelReservation", FeatureProfile.Reservation, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.CancelReservationRequest, Ocpp16JsonContext.Default.CancelReservationResponse);

    /// <summary>ReserveNow: see <see cref="ReserveNowRequest"/>.</summary>
    public static readonly OcppAction<ReserveNowRequest, ReserveNowResponse> ReserveNow = Create(
        "ReserveNow", FeatureProfile.Reservation, MessageDirection.CentralSystemToChargePoint, Ocpp16JsonContext.Default.ReserveNowRequest, Ocpp16JsonContext.Default.ReserveNowResponse);

    /// <summary>ClearChargingProfile: see <see cref="ClearChargingProfileRequest"/>.</summary>
    public static readonly OcppAction<ClearChargingProfileRequest, ClearChargingProfileResponse> ClearChargingProfile = Create(
        "ClearChargingProfile", FeatureProfile.SmartCharging, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.ClearChargingProfileRequest, Ocpp16JsonContext.Default.ClearChargingProfileResponse);

    /// <summary>GetCompositeSchedule: see <see cref="GetCompositeScheduleRequest"/>.</summary>
    public static readonly OcppAction<GetCompositeScheduleRequest, GetCompositeScheduleResponse> GetCompositeSchedule = Create(
        "GetCompositeSchedule", FeatureProfile.SmartCharging, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.GetCompositeScheduleRequest, Ocpp16JsonContext.Default.GetCompositeScheduleResponse);

    /// <summary>SetChargingProfile: see <see cref="SetChargingProfileRequest"/>.</summary>
    public static readonly OcppAction<SetChargingProfileRequest, SetChargingProfileResponse> SetChargingProfile = Create(
        "SetChargingProfile", FeatureProfile.SmartCharging, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.SetChargingProfileRequest, Ocpp16JsonContext.Default.SetChargingProfileResponse);

    /// <summary>TriggerMessage: see <see cref="TriggerMessageRequest"/>.</summary>
    public static readonly OcppAction<TriggerMessageRequest, TriggerMessageResponse> TriggerMessage = Create(
        "TriggerMessage", FeatureProfile.RemoteTrigger, MessageDirection.CentralSystemToChargePoint, Ocpp16JsonContext.Default.TriggerMessageRequest, Ocpp16JsonContext.Default.TriggerMessageResponse);

    /// <summary>SignCertificate (security whitepaper): see <see cref="SignCertificateRequest"/>.</summary>
    public static readonly OcppAction<SignCertificateRequest, SignCertificateResponse> SignCertificate = Create(
        "SignCertificate", FeatureProfile.Security, MessageDirection.ChargePointToCentralSystem, Ocpp16JsonContext.Default.SignCertificateRequest, Ocpp16JsonContext.Default.SignCertificateResponse);

    /// <summary>CertificateSigned (security whitepaper): see <see cref="CertificateSignedRequest"/>.</summary>
    public static readonly OcppAction<CertificateSignedRequest, CertificateSignedResponse> CertificateSigned = Create(
        "CertificateSigned", FeatureProfile.Security, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.CertificateSignedRequest, Ocpp16JsonContext.Default.CertificateSignedResponse);

    /// <summary>InstallCertificate (security whitepaper): see <see cref="InstallCertificateRequest"/>.</summary>
    public static readonly OcppAction<InstallCertificateRequest, InstallCertificateResponse> InstallCertificate = Create(
        "InstallCertificate", FeatureProfile.Security, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.InstallCertificateRequest, Ocpp16JsonContext.Default.InstallCertificateResponse);

    /// <summary>DeleteCertificate (security whitepaper): see <see cref="DeleteCertificateRequest"/>.</summary>
    public static readonly OcppAction<DeleteCertificateRequest, DeleteCertificateResponse> DeleteCertificate = Create(
        "DeleteCertificate", FeatureProfile.Security, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.DeleteCertificateRequest, Ocpp16JsonContext.Default.DeleteCertificateResponse);

    /// <summary>GetInstalledCertificateIds (security whitepaper): see <see cref="GetInstalledCertificateIdsRequest"/>.</summary>
    public static readonly OcppAction<GetInstalledCertificateIdsRequest, GetInstalledCertificateIdsResponse> GetInstalledCertificateIds = Create(
        "GetInstalledCertificateIds", FeatureProfile.Security, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.GetInstalledCertificateIdsRequest, Ocpp16JsonContext.Default.GetInstalledCertificateIdsResponse);

    /// <summary>SecurityEventNotification (security whitepaper): see <see cref="SecurityEventNotificationRequest"/>.</summary>
    public static readonly OcppAction<SecurityEventNotificationRequest, SecurityEventNotificationResponse> SecurityEventNotification = Create(
        "SecurityEventNotification", FeatureProfile.Security, MessageDirection.ChargePointToCentralSystem,
        Ocpp16JsonContext.Default.SecurityEventNotificationRequest, Ocpp16JsonContext.Default.SecurityEventNotificationResponse);

    /// <summary>ExtendedTriggerMessage (security whitepaper): see <see cref="ExtendedTriggerMessageRequest"/>.</summary>
    public static readonly OcppAction<ExtendedTriggerMessageRequest, ExtendedTriggerMessageResponse> ExtendedTriggerMessage = Create(
        "ExtendedTriggerMessage", FeatureProfile.Security, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.ExtendedTriggerMessageRequest, Ocpp16JsonContext.Default.ExtendedTriggerMessageResponse);

    /// <summary>GetLog (security whitepaper): see <see cref="GetLogRequest"/>.</summary>
    public static readonly OcppAction<GetLogRequest, GetLogResponse> GetLog = Create(
        "GetLog", FeatureProfile.Security, MessageDirection.CentralSystemToChargePoint, Ocpp16JsonContext.Default.GetLogRequest, Ocpp16JsonContext.Default.GetLogResponse);

    /// <summary>LogStatusNotification (security whitepaper): see <see cref="LogStatusNotificationRequest"/>.</summary>
    public static readonly OcppAction<LogStatusNotificationRequest, LogStatusNotificationResponse> LogStatusNotification = Create(
        "LogStatusNotification", FeatureProfile.Security, MessageDirection.ChargePointToCentralSystem,
        Ocpp16JsonContext.Default.LogStatusNotificationRequest, Ocpp16JsonContext.Default.LogStatusNotificationResponse);

    /// <summary>SignedUpdateFirmware (security whitepaper): see <see cref="SignedUpdateFirmwareRequest"/>.</summary>
    public static readonly OcppAction<SignedUpdateFirmwareRequest, SignedUpdateFirmwareResponse> SignedUpdateFirmware = Create(
        "SignedUpdateFirmware", FeatureProfile.Security, MessageDirection.CentralSystemToChargePoint,
        Ocpp16JsonContext.Default.SignedUpdateFirmwareRequest, Ocpp16JsonContext.Default.SignedUpdateFirmwareResponse);

    /// <summary>SignedFirmwareStatusNotification (security whitepaper): see <see cref="SignedFirmwareStatusNotificationRequest"/>.</summary>
    public static readonly OcppAction<SignedFirmwareStatusNotificationRequest, SignedFirmwareStatusNotificationResponse> SignedFirmwareStatusNotification = Create(
        "SignedFirmwareStatusNotification", FeatureProfile.Security, MessageDirection.ChargePointToCentralSystem,
        Ocpp16JsonContext.Default.SignedFirmwareStatusNotificationRequest, Ocpp16JsonContext.Default.SignedFirmwareStatusNotificationResponse);

    private static readonly FrozenDictionary<string, OcppAction> ByName =
        new OcppAction[]
        {
            Authorize, BootNotification, ChangeAvailability, ChangeConfiguration, ClearCache, DataTransfer, GetConfiguration, Heartbeat, MeterValues,
            RemoteStartTransaction, RemoteStopTransaction, Reset, StartTransaction, StatusNotification, StopTransaction, UnlockConnector,
            DiagnosticsStatusNotification, FirmwareStatusNotification, GetDiagnostics, UpdateFirmware, GetLocalListVersion, SendLocalList,
            CancelReservation, ReserveNow, ClearChargingProfile, GetCompositeSchedule, SetChargingProfile, TriggerMessage, SignCertificate,
            CertificateSigned, InstallCertificate, DeleteCertificate, GetInstalledCertificateIds, SecurityEventNotification, ExtendedTriggerMessage,
            GetLog, LogStatusNotification, SignedUpdateFirmware, SignedFirmwareStatusNotification,
        }.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, OcppAction> ByRequestType =
        ByName.Values.ToFrozenDictionary(a => a.Request.ClrType);

    /// <summary>Every operation.</summary>
    public static IReadOnlyCollection<OcppAction> All => ByName.Values;

    /// <summary>Finds an operation by its exact (case-sensitive) action name.</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OcppAction? action) =>
        ByName.TryGetValue(name, out action);

    /// <summary>The operation whose request payload is <paramref name="requestType"/>.</summary>
    public static OcppAction ForRequest(Type requestType) =>
        ByRequestType.TryGetValue(requestType, out var action)
            ? action
            : throw new ArgumentException($"{requestType.Name} is not an OCPP 1.6 request", nameof(requestType));

    private static OcppAction<TRequest, TResponse> Create<TRequest, TResponse>(
        string name, FeatureProfile profile, MessageDirection direction, JsonTypeInfo<TRequest> request, JsonTypeInfo<TResponse> response)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse =>
        new(name, profile, direction, new OcppMessageType(request), new OcppMessageType(response));
}
