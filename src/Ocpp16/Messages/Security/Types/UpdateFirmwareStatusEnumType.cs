using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to SignedUpdateFirmware (security whitepaper UpdateFirmwareStatusEnumType).</summary>
[JsonConverter(typeof(OcppEnumConverter<UpdateFirmwareStatusEnumType>))]
public enum UpdateFirmwareStatusEnumType
{
    /// <summary>Accepted: the update is accepted.</summary>
    Accepted,

    /// <summary>Rejected: the update is refused.</summary>
    Rejected,

    /// <summary>AcceptedCanceled: the update is accepted and an update still running for an earlier request is cancelled.</summary>
    AcceptedCanceled,

    /// <summary>InvalidCertificate: the signing certificate is invalid.</summary>
    InvalidCertificate,

    /// <summary>RevokedCertificate: the signing certificate is revoked.</summary>
    RevokedCertificate,
}
