namespace Ocpp16.Json;

/// <summary>string[0..512]: the locations of GetLog and SignedUpdateFirmware.</summary>
public sealed class String512Converter() : CiStringConverter(512);
