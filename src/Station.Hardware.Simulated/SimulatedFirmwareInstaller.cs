using System.Security.Cryptography;
using System.Text;

namespace Station.Hardware.Simulated;

/// <summary>
/// The simulated station's firmware installer. Any non-empty file is an image. It may start with
/// a header of <c>key=value</c> lines ended by an empty line:
/// <list type="bullet">
/// <item><c>version=2.0.1</c>: the version the image installs; without it, the file name without
/// its extension (<c>tsct-2.0.1.bin</c> installs <c>tsct-2.0.1</c>);</item>
/// <item><c>sha256=HEX</c>: the SHA-256 of everything after the header's empty line; a mismatch
/// fails verification, so the download is retried and then reported DownloadFailed;</item>
/// <item>a line <c>invalid</c>: an image that downloads and verifies but fails to install
/// (InstallationFailed, TC_044_3).</item>
/// </list>
/// Installing changes nothing but the version the station reports after its reboot.
/// </summary>
public sealed class SimulatedFirmwareInstaller : IFirmwareInstaller
{
    /// <summary>The header line that makes installation fail.</summary>
    public const string InvalidMarker = "invalid";

    // BootNotification.firmwareVersion is a CiString50.
    private const int MaxVersionLength = 50;

    /// <inheritdoc/>
    public async ValueTask<FirmwareVerification> VerifyAsync(string imagePath, CancellationToken cancellationToken = default)
    {
        var image = await Image.ReadAsync(imagePath, cancellationToken).ConfigureAwait(false);
        if (image.Length == 0)
        {
            return FirmwareVerification.Invalid("the image is empty");
        }

        if (image.Header.TryGetValue("sha256", out var expected))
        {
            if (image.Body is null)
            {
                return FirmwareVerification.Invalid("sha256 given, but no empty line ends the header");
            }

            var actual = Convert.ToHexStringLower(SHA256.HashData(image.Body));
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                return FirmwareVerification.Invalid($"SHA-256 of the image is {actual}, the header says {expected}");
            }
        }

        return FirmwareVerification.Valid;
    }

    /// <inheritdoc/>
    public async ValueTask<FirmwareInstallResult> InstallAsync(string imagePath, CancellationToken cancellationToken = default)
    {
        var image = await Image.ReadAsync(imagePath, cancellationToken).ConfigureAwait(false);
        if (image.Invalid)
        {
            return FirmwareInstallResult.Failed("the image is marked invalid");
        }

        var version = image.Header.TryGetValue("version", out var named) ? named : Path.GetFileNameWithoutExtension(imagePath);
        return version.Length is 0 or > MaxVersionLength
            ? FirmwareInstallResult.Failed($"version '{version}' is not 1 to {MaxVersionLength} characters")
            : FirmwareInstallResult.Installed(version);
    }

    private sealed record Image(int Length, IReadOnlyDictionary<string, string> Header, bool Invalid, byte[]? Body)
    {
        public static async Task<Image> ReadAsync(string path, CancellationToken cancellationToken)
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var (headerLength, bodyStart) = FindHeaderEnd(bytes);
            var header = new Dictionary<string, string>(StringComparer.Ordinal);
            var invalid = false;
            foreach (var raw in Encoding.UTF8.GetString(bytes, 0, headerLength).Split('\n'))
            {
                var line = raw.TrimEnd('\r');
                if (line == InvalidMarker)
                {
                    invalid = true;
                    continue;
                }

                var equals = line.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0 || !IsKey(line.AsSpan(0, equals)))
                {
                    break;
                }

                header[line[..equals]] = line[(equals + 1)..].Trim();
            }

            return new Image(bytes.Length, header, invalid, bodyStart is { } start ? bytes[start..] : null);
        }

        private static bool IsKey(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        // The header ends at the first empty line; without one only the first 4 KiB are looked at.
        private static (int HeaderLength, int? BodyStart) FindHeaderEnd(byte[] bytes)
        {
            var lf = bytes.AsSpan().IndexOf("\n\n"u8);
            var crlf = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
            return (lf, crlf) switch
            {
                ( >= 0, var c) when c < 0 || lf < c => (lf, lf + 2),
                (_, >= 0) => (crlf, crlf + 4),
                _ => (Math.Min(bytes.Length, 4096), null),
            };
        }
    }
}
