namespace Ocpp16.Json;

/// <summary>string[0..10000]: a PEM certificate chain (CertificateSigned).</summary>
public sealed class String10000Converter() : CiStringConverter(10000);
