using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>The progress of a log upload that LogStatusNotification reports (security whitepaper UploadLogStatusEnumType).</summary>
[JsonConverter(typeof(OcppEnumConverter<UploadLogStatusEnumType>))]
public enum UploadLogStatusEnumType
{
    /// <summary>BadMessage: the server answered the upload with a message the Charge Point cannot read.</summary>
    BadMessage,

    /// <summary>Idle: no upload is running (only in answer to ExtendedTriggerMessage).</summary>
    Idle,

    /// <summary>NotSupportedOperation: the server does not support the upload operation.</summary>
    NotSupportedOperation,

    /// <summary>PermissionDenied: the server refused the Charge Point's credentials.</summary>
    PermissionDenied,

    /// <summary>Uploaded: the log was uploaded.</summary>
    Uploaded,

    /// <summary>UploadFailure: the upload failed.</summary>
    UploadFailure,

    /// <summary>Uploading: the log is being uploaded.</summary>
    Uploading,
}
