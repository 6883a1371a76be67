namespace Ocpp16.Json;

/// <summary>CiString50Type.</summary>
public sealed class CiString50Converter() : CiStringConverter(50);
