namespace Ocpp16.Json;

/// <summary>string[0..128]: the issuerNameHash and issuerKeyHash of CertificateHashDataType.</summary>
public sealed class String128Converter() : CiStringConverter(128);
