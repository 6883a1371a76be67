namespace Ocpp16.Json;

/// <summary>A list of CiString50Type, as the configuration keys of GetConfiguration.</summary>
public sealed class CiString50ListConverter() : CiStringListConverter(new CiString50Converter());
