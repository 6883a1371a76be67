using System.Text.Json.Serialization;
using Ocpp16.Json;

namespace Ocpp16.Messages;

/// <summary>A signed firmware image: where it is, when to fetch and install it, and how it is signed (security whitepaper FirmwareType).</summary>
public sealed record FirmwareType
{
    /// <summary>
    /// The URI to download the firmware from. The schema makes it a string of at most 512 characters,
    /// not a URI: a handler that cannot use it answers Rejected.
    /// </summary>
    [JsonPropertyName("location")]
    [JsonConverter(typeof(String512Converter))]
    public required string Location { get; init; }

    /// <summary>From when the Charge Point may download the firmware.</summary>
    [JsonPropertyName("retrieveDateTime")]
    public required DateTimeOffset RetrieveDateTime { get; init; }

    /// <summary>From when the Charge Point may install it; absent means once it is downloaded and verified.</summary>
    [JsonPropertyName("installDateTime")]
    public DateTimeOffset? InstallDateTime { get; init; }

    /// <summary>The PEM certificate the firmware is signed with; it must chain to a ManufacturerRootCertificate.</summary>
    [JsonPropertyName("signingCertificate")]
    [JsonConverter(typeof(String5500Converter))]
    public required string SigningCertificate { get; init; }

    /// <summary>The Base64 signature of the firmware file's hash (SHA256 with RSA or ECDSA).</summary>
    [JsonPropertyName("signature")]
    [JsonConverter(typeof(String800Converter))]
    public required string Signature { get; init; }
}
