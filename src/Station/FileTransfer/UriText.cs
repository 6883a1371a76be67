namespace Station.FileTransfer;

/// <summary>How file locations appear in logs and error messages: never with their password.</summary>
public static class UriText
{
    /// <summary><paramref name="uri"/> with the password of its user info replaced by <c>***</c>.</summary>
    public static string Redact(Uri uri)
    {
        if (!uri.IsAbsoluteUri || uri.UserInfo.Length == 0)
        {
            return uri.OriginalString;
        }

        var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
        var user = colon < 0 ? uri.UserInfo : uri.UserInfo[..colon];
        return $"{uri.Scheme}://{user}{(colon < 0 ? string.Empty : ":***")}@{uri.Authority}{uri.PathAndQuery}{uri.Fragment}";
    }
}
