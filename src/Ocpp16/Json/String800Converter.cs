namespace Ocpp16.Json;

/// <summary>string[0..800]: the firmware signature of SignedUpdateFirmware.</summary>
public sealed class String800Converter() : CiStringConverter(800);
