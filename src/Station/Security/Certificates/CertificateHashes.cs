using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ocpp16.Messages;

namespace Station.Security.Certificates;

/// <summary>
/// The whitepaper's CertificateHashDataType (after RFC 6960's CertID): the hash of the issuer's
/// distinguished name (DER), the hash of the issuer's public key (the subjectPublicKey bits) and the
/// serial number, all hexadecimal in lower case, the serial number without leading zeroes.
/// </summary>
internal static class CertificateHashes
{
    /// <summary>The hash data of <paramref name="certificate"/>, whose issuer's key is <paramref name="issuer"/>'s (itself for a root).</summary>
    public static CertificateHashDataType Of(X509Certificate2 certificate, X509Certificate2 issuer, HashAlgorithmEnumType algorithm) => new()
    {
        HashAlgorithm = algorithm,
        IssuerNameHash = Hex(Hash(algorithm, certificate.IssuerName.RawData)),
        IssuerKeyHash = Hex(Hash(algorithm, issuer.PublicKey.EncodedKeyValue.RawData)),
        SerialNumber = Serial(certificate),
    };

    /// <summary>Whether <paramref name="given"/> names <paramref name="certificate"/> (hex compared without case, the serial without leading zeroes).</summary>
    public static bool Matches(CertificateHashDataType given, X509Certificate2 certificate, X509Certificate2 issuer)
    {
        var own = Of(certificate, issuer, given.HashAlgorithm);
        return Same(given.IssuerNameHash, own.IssuerNameHash)
            && Same(given.IssuerKeyHash, own.IssuerKeyHash)
            && Same(given.SerialNumber.TrimStart('0'), own.SerialNumber.TrimStart('0'));
    }

    /// <summary>The SHA-256 of the DER, the store's key of a certificate.</summary>
    public static string Fingerprint(X509Certificate2 certificate) => Hex(SHA256.HashData(certificate.RawData));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Serial(X509Certificate2 certificate)
    {
        var serial = certificate.SerialNumber.TrimStart('0').ToLowerInvariant();
        return serial.Length == 0 ? "0" : serial;
    }

    private static byte[] Hash(HashAlgorithmEnumType algorithm, byte[] data) => algorithm switch
    {
        HashAlgorithmEnumType.Sha384 => SHA384.HashData(data),
        HashAlgorithmEnumType.Sha512 => SHA512.HashData(data),
        _ => SHA256.HashData(data),
    };

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
