using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Station.Security;

namespace Station.Firmware;

/// <summary>
/// The checks of a SignedUpdateFirmware (whitepaper edition 3, §3): the signing certificate must
/// chain to an installed ManufacturerRootCertificate and be valid now; the signature is SHA-256
/// with ECDSA or RSA (PKCS#1 v1.5) over the image bytes, DER, base64. Each returns null when the
/// check passes, else why not; nothing throws on bad input.
/// </summary>
internal static class SignedFirmware
{
    /// <summary>Whether <paramref name="pem"/> (the signing certificate, optionally followed by its intermediates) chains to an installed root at <paramref name="now"/>.</summary>
    public static string? CheckSigningCertificate(string pem, IManufacturerRoots? roots, DateTimeOffset now)
    {
        var trusted = roots?.ManufacturerRootCertificates() ?? [];
        if (trusted.Count == 0)
        {
            return "no ManufacturerRootCertificate is installed";
        }

        var presented = new X509Certificate2Collection();
        try
        {
            presented.ImportFromPem(pem);
        }
        catch (CryptographicException ex)
        {
            return $"the signing certificate is not a PEM certificate: {ex.Message}";
        }

        try
        {
            if (presented.Count == 0)
            {
                return "the signing certificate is not a PEM certificate";
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = now.UtcDateTime;
            chain.ChainPolicy.CustomTrustStore.AddRange(trusted.ToArray());
            for (var i = 1; i < presented.Count; i++)
            {
                chain.ChainPolicy.ExtraStore.Add(presented[i]);
            }

            return chain.Build(presented[0])
                ? null
                : $"the signing certificate does not chain to an installed ManufacturerRootCertificate: {string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()))}";
        }
        finally
        {
            foreach (var certificate in presented)
            {
                certificate.Dispose();
            }
        }
    }

    /// <summary>Whether <paramref name="signature"/> is the signing certificate's signature over the image at <paramref name="imagePath"/>.</summary>
    public static string? VerifySignature(string imagePath, string signature, string signingCertificatePem)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return "the signature is not base64";
        }

        try
        {
            using var certificate = X509Certificate2.CreateFromPem(signingCertificatePem);
            using var image = File.OpenRead(imagePath);
            using var ecdsa = certificate.GetECDsaPublicKey();
            if (ecdsa is not null)
            {
                return ecdsa.VerifyData(image, bytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence) ? null : "the ECDSA signature does not match the image";
            }

            using var rsa = certificate.GetRSAPublicKey();
            if (rsa is not null)
            {
                return rsa.VerifyData(image, bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1) ? null : "the RSA signature does not match the image";
            }

            return "the signing certificate has neither an ECDSA nor an RSA key";
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return $"the signature cannot be verified: {ex.Message}";
        }
    }
}
