namespace Station.Testing;

/// <summary>What a TLS client did with a <see cref="LegacyTlsServer"/>.</summary>
/// <param name="LegacyVersion">The ClientHello's legacy_version field (0x0303 for TLS 1.2 and 1.3 clients).</param>
/// <param name="SupportedVersions">The versions of its supported_versions extension (RFC 8446 §4.2.1), empty without one.</param>
/// <param name="AlertDescription">The alert it sent on the legacy ServerHello (70: protocol_version), or null if it just closed.</param>
public sealed record LegacyTlsExchange(ushort LegacyVersion, IReadOnlyList<ushort> SupportedVersions, byte? AlertDescription)
{
    /// <summary>The protocol_version alert (RFC 8446 §6.2).</summary>
    public const byte ProtocolVersionAlert = 70;

    /// <summary>
    /// The versions the client offered, GREASE values (RFC 8701, 0x?A?A) left out; a ClientHello
    /// without supported_versions offers its legacy_version as the highest (the lowest is not on the wire).
    /// </summary>
    public IReadOnlyList<ushort> OfferedVersions => SupportedVersions.Count == 0
        ? [LegacyVersion]
        : [.. SupportedVersions.Where(v => (v & 0x0F0F) != 0x0A0A)];
}
