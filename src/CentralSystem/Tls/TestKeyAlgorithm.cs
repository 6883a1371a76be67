namespace CentralSystem.Tls;

/// <summary>The key pairs of a <see cref="TestCertificateAuthority"/>.</summary>
public enum TestKeyAlgorithm
{
    /// <summary>RSA 2048 bit, signed SHA256withRSA (PKCS #1 v1.5, not PSS, as the certification tool expects): what every station stack reads.</summary>
    Rsa2048,

    /// <summary>ECDSA on P-256, signed SHA256withECDSA: quick to make, for tests.</summary>
    EcdsaP256,
}
