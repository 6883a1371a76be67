using System.Net;
using System.Net.Sockets;

namespace Station.Host.Fleet;

/// <summary>Parses <c>--source-address</c> values: single IPv4/IPv6 addresses and IPv4 ranges <c>127.0.0.2-127.0.0.9</c>.</summary>
internal static class SourceAddresses
{
    private const int MaxAddresses = 65_536;

    public static IReadOnlyList<IPAddress> Parse(IEnumerable<string> values)
    {
        var result = new List<IPAddress>();
        foreach (var value in values)
        {
            var dash = value.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                result.Add(IPAddress.TryParse(value, out var single) ? single : throw Bad(value));
                continue;
            }

            if (!IPAddress.TryParse(value[..dash], out var first) || !IPAddress.TryParse(value[(dash + 1)..], out var last)
                || first.AddressFamily != AddressFamily.InterNetwork || last.AddressFamily != AddressFamily.InterNetwork)
            {
                throw Bad(value);
            }

            var from = ToNumber(first);
            var to = ToNumber(last);
            if (to < from || to - from >= MaxAddresses)
            {
                throw new UsageException($"--source-address '{value}': the range must run upwards and hold at most {MaxAddresses} addresses");
            }

            for (var n = from; n <= to; n++)
            {
                var bytes = new byte[4];
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)n);
                result.Add(new IPAddress(bytes));
            }
        }

        return result;
    }

    private static long ToNumber(IPAddress address) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());

    private static UsageException Bad(string value) =>
        new($"--source-address '{value}' is not an IP address or an IPv4 range like 127.0.0.2-127.0.0.9");
}
