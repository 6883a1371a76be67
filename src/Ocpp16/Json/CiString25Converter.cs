namespace Ocpp16.Json;

/// <summary>CiString25Type.</summary>
public sealed class CiString25Converter() : CiStringConverter(25);
