using Ocpp16.Messages;

namespace CentralSystem;

/// <summary>
/// What the Central System answers when no test or tool says otherwise: by default it accepts
/// every station and identifier, except the identifiers <see cref="CentralSystemOptions.DeniedIdTags"/>
/// names; <see cref="Settings"/> changes that while the server runs.
/// </summary>
internal sealed class DefaultAnswers
{
    private readonly TimeProvider _timeProvider;
    private readonly Func<int> _nextTransactionId;
    private AnswerSettings _settings;

    public DefaultAnswers(AnswerSettings settings, TimeProvider timeProvider, Func<int> nextTransactionId)
    {
        _settings = settings.Validate().Frozen();
        _timeProvider = timeProvider;
        _nextTransactionId = nextTransactionId;
    }

    /// <summary>The settings in force; replaced as a whole, so an answer never mixes two of them.</summary>
    public AnswerSettings Settings
    {
        get => Volatile.Read(ref _settings);
        set => Volatile.Write(ref _settings, value.Validate().Frozen());
    }

    /// <summary>A table with a default for every Charge Point → Central System action.</summary>
    public HandlerTable CreateTable()
    {
        var table = new HandlerTable();
        table.Set(OcppActions.BootNotification, (_, _) =>
        {
            var settings = Settings;
            return new BootNotificationResponse { Status = settings.BootStatus, CurrentTime = _timeProvider.GetUtcNow(), Interval = settings.HeartbeatInterval };
        });
        table.Set(OcppActions.Heartbeat, (_, _) => new HeartbeatResponse { CurrentTime = _timeProvider.GetUtcNow() });
        table.Set(OcppActions.Authorize, (_, request) => new AuthorizeResponse { IdTagInfo = IdTagInfoFor(Settings, request.IdTag) });
        table.Set(OcppActions.StartTransaction, (_, request) => new StartTransactionResponse
        {
            // StartTransaction.conf requires a transactionId even for an identifier that is not accepted (§4.8).
            IdTagInfo = IdTagInfoFor(Settings, request.IdTag, startTransaction: true),
            TransactionId = _nextTransactionId(),
        });
        table.Set(OcppActions.StopTransaction, (_, request) => new StopTransactionResponse
        {
            // StopTransaction.conf carries idTagInfo only when the transaction stopped with an identifier (§4.10).
            IdTagInfo = request.IdTag is { } idTag ? IdTagInfoFor(Settings, idTag) : null,
        });
        table.Set(OcppActions.StatusNotification, (_, _) => new StatusNotificationResponse());
        table.Set(OcppActions.MeterValues, (_, _) => new MeterValuesResponse());
        table.Set(OcppActions.FirmwareStatusNotification, (_, _) => new FirmwareStatusNotificationResponse());
        table.Set(OcppActions.DiagnosticsStatusNotification, (_, _) => new DiagnosticsStatusNotificationResponse());

        // A built-in Central System knows no vendor extensions (OCPP 1.6 §4.3).
        table.Set(OcppActions.DataTransfer, (_, _) => new DataTransferResponse { Status = DataTransferStatus.UnknownVendorId });

        // Security whitepaper. The built-in Central System signs no certificates: Accepted would
        // promise a CertificateSigned that never comes. A test acting as the CA overrides it.
        table.Set(OcppActions.SignCertificate, (_, _) => new SignCertificateResponse { Status = GenericStatusEnumType.Rejected });
        table.Set(OcppActions.SecurityEventNotification, (_, _) => new SecurityEventNotificationResponse());
        table.Set(OcppActions.LogStatusNotification, (_, _) => new LogStatusNotificationResponse());
        table.Set(OcppActions.SignedFirmwareStatusNotification, (_, _) => new SignedFirmwareStatusNotificationResponse());
        return table;
    }

    /// <summary>Accepted, or the status the settings give the identifier, with its parent when one is configured.</summary>
    private static IdTagInfo IdTagInfoFor(AnswerSettings settings, string idTag, bool startTransaction = false) => new()
    {
        Status = startTransaction && settings.StartTransactionStatuses.TryGetValue(idTag, out var startStatus) ? startStatus
            : settings.IdTagStatuses.GetValueOrDefault(idTag, AuthorizationStatus.Accepted),
        ParentIdTag = settings.ParentIdTags.GetValueOrDefault(idTag),
    };
}
