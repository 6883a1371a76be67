namespace Ocpp16.Json;

// The security whitepaper's plain strings with a maximum length (string[0..n], identifierString[0..n]).
// They are case-sensitive (PEM text, hashes, URLs, signatures), which matters to the handlers, not to
// the codec: the length rule read and written is the one CiStringConverter checks.

/// <summary>string[0..40]: the serialNumber of CertificateHashDataType.</summary>
public sealed class String40Converter() : CiStringConverter(40);

/// <summary>string[0..128]: the issuerNameHash and issuerKeyHash of CertificateHashDataType.</summary>
public sealed class String128Converter() : CiStringConverter(128);

/// <summary>string[0..512]: the locations of GetLog and SignedUpdateFirmware.</summary>
public sealed class String512Converter() : CiStringConverter(512);

/// <summary>string[0..800]: the firmware signature of SignedUpdateFirmware.</summary>
public sealed class String800Converter() : CiStringConverter(800);

/// <summary>string[0..5500]: a PEM certificate or CSR.</summary>
public sealed class String5500Converter() : CiStringConverter(5500);

/// <summary>string[0..10000]: a PEM certificate chain (CertificateSigned).</summary>
public sealed class String10000Converter() : CiStringConverter(10000);
