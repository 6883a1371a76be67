namespace Station.FileTransfer.Ftp;

/// <summary>
/// What an <c>ftp://</c> URL says (RFC 1738 §3.2): server, credentials and a path relative to the
/// login directory. Without credentials the login is anonymous.
/// </summary>
/// <param name="Host">The server name or address.</param>
/// <param name="Port">The control port, 21 unless the URL names one.</param>
/// <param name="User">The user name, <see cref="AnonymousUser"/> when the URL has none.</param>
/// <param name="Password">The password, <see cref="AnonymousPassword"/> for an anonymous login.</param>
/// <param name="Path">The decoded path after the host, without its leading slash; empty for the login directory.</param>
public sealed record FtpLocation(string Host, int Port, string User, string Password, string Path)
{
    /// <summary>RFC 1635: the user name of anonymous FTP.</summary>
    public const string AnonymousUser = "anonymous";

    /// <summary>RFC 1635: anonymous servers ask for an e-mail-like password and accept any.</summary>
    public const string AnonymousPassword = "ocpp-station@";

    /// <summary>Reads an <c>ftp://</c> URL.</summary>
    /// <exception cref="FileTransferException">The URL is not ftp, or a part of it contains a line break (it would inject FTP commands).</exception>
    public static FtpLocation Parse(Uri uri)
    {
        if (!uri.IsAbsoluteUri || !string.Equals(uri.Scheme, "ftp", StringComparison.OrdinalIgnoreCase))
        {
            throw new FileTransferException($"'{UriText.Redact(uri)}' is not an ftp:// URL");
        }

        var user = AnonymousUser;
        var password = AnonymousPassword;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? string.Empty : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        // RFC 1738 §3.2.2: ";type=i" may end the path; the client always transfers in binary anyway.
        var path = uri.AbsolutePath;
        var type = path.LastIndexOf(";type=", StringComparison.OrdinalIgnoreCase);
        if (type >= 0)
        {
            path = path[..type];
        }

        path = Uri.UnescapeDataString(path.StartsWith('/') ? path[1..] : path);
        if ($"{user}{password}{path}".AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new FileTransferException($"'{UriText.Redact(uri)}' contains a line break");
        }

        return new FtpLocation(uri.DnsSafeHost, uri.Port > 0 ? uri.Port : 21, user, password, path);
    }

    /// <summary>The path of <paramref name="fileName"/> inside the directory this location names.</summary>
    public string PathOf(string fileName) => Path.Length == 0 ? fileName : $"{Path.TrimEnd('/')}/{fileName}";

    /// <inheritdoc/>
    public override string ToString() => $"ftp://{User}@{Host}:{Port}/{Path}";
}
