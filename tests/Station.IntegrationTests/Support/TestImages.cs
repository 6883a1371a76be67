using System.Security.Cryptography;
using System.Text;
using CentralSystem;
using Ocpp16.Messages;

namespace Station.IntegrationTests.Support;

/// <summary>Images in the simulated installer's format, and the firmware statuses a session saw.</summary>
internal static class TestImages
{
    /// <summary>An image that installs <paramref name="version"/>.</summary>
    public static byte[] Valid(string version) => Encoding.UTF8.GetBytes($"version={version}\n\nsimulated firmware image {version}\n");

    /// <summary>An image that downloads and verifies but fails to install (TC_044_3).</summary>
    public static byte[] Invalid() => Encoding.UTF8.GetBytes("invalid\n\nnot an image for this station\n");

    /// <summary>An image whose checksum does not match its body: it fails verification.</summary>
    public static byte[] Corrupted()
    {
        var body = "simulated firmware image\n";
        var wrong = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body + "changed in transit")));
        return Encoding.UTF8.GetBytes($"version=9.9.9\nsha256={wrong}\n\n{body}");
    }

    /// <summary>An image whose checksum matches.</summary>
    public static byte[] Checked(string version)
    {
        var body = $"simulated firmware image {version}\n";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        return Encoding.UTF8.GetBytes($"version={version}\nsha256={hash}\n\n{body}");
    }

    /// <summary>The FirmwareStatusNotifications of a session after a position, in order.</summary>
    public static IReadOnlyList<FirmwareStatus> FirmwareStatuses(this StationSession session, long afterSequence = 0) =>
        [.. session.CallsAfter<FirmwareStatusNotificationRequest>(afterSequence).Select(n => n.Status)];

    /// <summary>The DiagnosticsStatusNotifications of a session after a position, in order.</summary>
    public static IReadOnlyList<DiagnosticsStatus> DiagnosticsStatuses(this StationSession session, long afterSequence = 0) =>
        [.. session.CallsAfter<DiagnosticsStatusNotificationRequest>(afterSequence).Select(n => n.Status)];
}
