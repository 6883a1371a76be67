namespace Ocpp16.Json;

/// <summary>CiString255Type.</summary>
public sealed class CiString255Converter() : CiStringConverter(255);
