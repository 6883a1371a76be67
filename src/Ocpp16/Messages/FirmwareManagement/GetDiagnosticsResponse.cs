using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>GetDiagnostics.conf: the answer to the request that asks the Charge Point to upload a diagnostics file (§5.9).</summary>
public sealed record GetDiagnosticsResponse : IOcppResponse
{
    /// <summary>The name of the file that will be uploaded; absent when there is nothing to upload.</summary>
    [JsonPropertyName("fileName")]
    [JsonConverter(typeof(CiString255Converter))]
    public string? FileName { get; init; }
}
