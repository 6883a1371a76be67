using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The answer to DataTransfer.</summary>
[JsonConverter(typeof(OcppEnumConverter<DataTransferStatus>))]
public enum DataTransferStatus
{
    /// <summary>Accepted</summary>
    Accepted,

    /// <summary>Rejected</summary>
    Rejected,

    /// <summary>UnknownMessageId</summary>
    UnknownMessageId,

    /// <summary>UnknownVendorId</summary>
    UnknownVendorId,
}
