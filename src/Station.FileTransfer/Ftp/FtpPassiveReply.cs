using System.Globalization;
using System.Text.RegularExpressions;

namespace Station.FileTransfer.Ftp;

/// <summary>Reads the data port out of EPSV (RFC 2428) and PASV (RFC 959) replies.</summary>
public static partial class FtpPassiveReply
{
    /// <summary>229 "Entering Extended Passive Mode (|||port|)": the delimiter is whatever follows the parenthesis.</summary>
    /// <exception cref="FtpException">The reply has no port in that form.</exception>
    public static int ParseEpsv(FtpReply reply)
    {
        var text = reply.Text;
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open >= 0 && open + 1 < text.Length)
        {
            var d = text[open + 1];
            var prefix = $"{d}{d}{d}";
            if (text.AsSpan(open + 1).StartsWith(prefix, StringComparison.Ordinal))
            {
                var start = open + 4;
                var end = text.IndexOf(d, start);
                if (end > start && int.TryParse(text.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
                {
                    return port;
                }
            }
        }

        throw new FtpException($"EPSV reply without a port: {reply}", reply.Code);
    }

    /// <summary>227 "Entering Passive Mode (h1,h2,h3,h4,p1,p2)"; the parentheses are optional in practice.</summary>
    /// <exception cref="FtpException">The reply has no address and port in that form.</exception>
    public static int ParsePasv(FtpReply reply)
    {
        var match = PasvPattern().Match(reply.Text);
        if (match.Success)
        {
            var p1 = int.Parse(match.Groups[5].Value, CultureInfo.InvariantCulture);
            var p2 = int.Parse(match.Groups[6].Value, CultureInfo.InvariantCulture);
            var port = (p1 * 256) + p2;
            if (p1 <= 255 && p2 <= 255 && port > 0)
            {
                return port;
            }
        }

        throw new FtpException($"PASV reply without an address and port: {reply}", reply.Code);
    }

    [GeneratedRegex(@"(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3})", RegexOptions.CultureInvariant)]
    private static partial Regex PasvPattern();
}
