namespace Ocpp16.Json;

/// <summary>string[0..5500]: a PEM certificate or CSR.</summary>
public sealed class String5500Converter() : CiStringConverter(5500);
