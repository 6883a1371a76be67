namespace Ocpp16.Json;

/// <summary>CiString20Type.</summary>
public sealed class CiString20Converter() : CiStringConverter(20);
