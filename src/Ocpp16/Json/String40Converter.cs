namespace Ocpp16.Json;

// The String*Converter family: the security whitepaper's plain strings with a maximum length (string[0..n], identifierString[0..n]).
// They are case-sensitive (PEM text, hashes, URLs, signatures), which matters to the handlers, not to
// the codec: the length rule read and written is the one CiStringConverter checks.

/// <summary>string[0..40]: the serialNumber of CertificateHashDataType.</summary>
public sealed class String40Converter() : CiStringConverter(40);
