namespace Ocpp16.Json;

/// <summary>CiString500Type.</summary>
public sealed class CiString500Converter() : CiStringConverter(500);
