using System.Security.Cryptography;
using System.Text;

namespace Ocpp16.Transport;

/// <summary>
/// The password of HTTP Basic authentication (security profiles 1 and 2). Held as bytes because the
/// whitepaper's AuthorizationKey may be binary (configured as hexadecimal); never shown:
/// <see cref="ToString"/> and every message that mentions it say only that a password is set.
/// </summary>
public sealed class BasicAuthPassword : IEquatable<BasicAuthPassword>
{
    private readonly byte[] _bytes;

    private BasicAuthPassword(byte[] bytes) => _bytes = bytes;

    /// <summary>The password's length in bytes.</summary>
    public int Length => _bytes.Length;

    /// <summary>A password given as text; it travels UTF-8 encoded.</summary>
    public static BasicAuthPassword FromString(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return new BasicAuthPassword(Encoding.UTF8.GetBytes(password));
    }

    /// <summary>A password given as raw bytes (for example an AuthorizationKey decoded from hexadecimal).</summary>
    public static BasicAuthPassword FromBytes(ReadOnlySpan<byte> password)
    {
        if (password.IsEmpty)
        {
            throw new ArgumentException("the password must not be empty", nameof(password));
        }

        return new BasicAuthPassword(password.ToArray());
    }

    /// <summary>A password given as text; see <see cref="FromString"/>.</summary>
    public static implicit operator BasicAuthPassword(string password) => FromString(password);

    /// <summary>The value of the <c>Authorization</c> header for <paramref name="userName"/> (RFC 7617).</summary>
    public string AuthorizationHeader(string userName)
    {
        var user = Encoding.UTF8.GetBytes(userName);
        var credentials = new byte[user.Length + 1 + _bytes.Length];
        user.CopyTo(credentials, 0);
        credentials[user.Length] = (byte)':';
        _bytes.CopyTo(credentials, user.Length + 1);
        try
        {
            return "Basic " + Convert.ToBase64String(credentials);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(credentials);
        }
    }

    /// <summary>Compares in constant time.</summary>
    public bool Equals(BasicAuthPassword? other) => other is not null && CryptographicOperations.FixedTimeEquals(_bytes, other._bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as BasicAuthPassword);

    /// <inheritdoc/>
    public override int GetHashCode() => _bytes.Length;

    /// <summary>Never the password itself.</summary>
    public override string ToString() => "(password hidden)";
}
