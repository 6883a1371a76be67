using System.Collections.Frozen;
using Ocpp16.Messages;

namespace CentralSystem;

/// <summary>
/// What the Central System answers when no test or tool says otherwise: it accepts every station
/// and identifier, except the identifiers <see cref="CentralSystemOptions.DeniedIdTags"/> names.
/// </summary>
internal sealed class DefaultAnswers
{
    private readonly CentralSystemOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Func<int> _nextTransactionId;

    // idTag is a CiString: case-insensitive (OCPP 1.6 §7.15).
    private readonly FrozenSet<string> _denied;
    private readonly FrozenDictionary<string, string> _parents;

    public DefaultAnswers(CentralSystemOptions options, TimeProvider timeProvider, Func<int> nextTransactionId)
    {
        _options = options;
        _timeProvider = timeProvider;
        _nextTransactionId = nextTransactionId;
        _denied = options.DeniedIdTags.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _parents = options.ParentIdTags.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A table with a default for every Charge Point → Central System action.</summary>
    public HandlerTable CreateTable()
    {
        var table = new HandlerTable();
        table.Set(OcppActions.BootNotification, (_, _) => new BootNotificationResponse
        {
            Status = RegistrationStatus.Accepted,
            CurrentTime = _timeProvider.GetUtcNow(),
            Interval = _options.HeartbeatInterval,
        });
        table.Set(OcppActions.Heartbeat, (_, _) => new HeartbeatResponse { CurrentTime = _timeProvider.GetUtcNow() });
        table.Set(OcppActions.Authorize, (_, request) => new AuthorizeResponse { IdTagInfo = IdTagInfoFor(request.IdTag) });
        table.Set(OcppActions.StartTransaction, (_, request) => new StartTransactionResponse
        {
            // StartTransaction.conf requires a transactionId even for an identifier that is not accepted (§4.8).
            IdTagInfo = IdTagInfoFor(request.IdTag),
            TransactionId = _nextTransactionId(),
        });
        table.Set(OcppActions.StopTransaction, (_, request) => new StopTransactionResponse
        {
            // StopTransaction.conf carries idTagInfo only when the transaction stopped with an identifier (§4.10).
            IdTagInfo = request.IdTag is { } idTag ? IdTagInfoFor(idTag) : null,
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

    /// <summary>Accepted, or Invalid for a denied identifier, with its parent when one is configured.</summary>
    public IdTagInfo IdTagInfoFor(string idTag) => new()
    {
        Status = _denied.Contains(idTag) ? AuthorizationStatus.Invalid : AuthorizationStatus.Accepted,
        ParentIdTag = _parents.GetValueOrDefault(idTag),
    };
}
