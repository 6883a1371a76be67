using System.Text;

namespace Station.FileTransfer.Ftp;

/// <summary>
/// Reads FTP replies from a control connection. RFC 959 §4.2: a reply is one line
/// <c>"xyz text"</c>, or several, from <c>"xyz-text"</c> to the first line that starts with the
/// same code and a space; the lines between may say anything, even start with digits.
/// </summary>
public sealed class FtpReplyReader
{
    /// <summary>The longest line accepted; a server sending longer ones is broken or hostile.</summary>
    public const int MaxLineBytes = 8192;

    /// <summary>The most lines one reply may have.</summary>
    public const int MaxLines = 1000;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[MaxLineBytes];
    private int _start;
    private int _end;

    /// <summary>Reads from <paramref name="stream"/>, the control connection.</summary>
    public FtpReplyReader(Stream stream) => _stream = stream;

    /// <summary>Reads the next complete reply.</summary>
    /// <exception cref="FtpException">The reply is malformed, too long, or the connection closed before it ended.</exception>
    public async ValueTask<FtpReply> ReadAsync(CancellationToken cancellationToken = default)
    {
        var first = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (!TryParseCode(first, out var code, out var continues))
        {
            throw new FtpException($"malformed FTP reply '{Shorten(first)}'");
        }

        var lines = new List<string> { Text(first) };
        while (continues)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            var sameCode = TryParseCode(line, out var lineCode, out var lineContinues) && lineCode == code;
            if (sameCode && !lineContinues)
            {
                lines.Add(Text(line));
                break;
            }

            if (lines.Count >= MaxLines)
            {
                throw new FtpException($"FTP reply {code} has more than {MaxLines} lines");
            }

            // Some servers prefix every line with "xyz-"; that prefix is not text.
            lines.Add(sameCode ? Text(line) : line);
        }

        return new FtpReply(code, lines);
    }

    // "xyz", "xyz text" or "xyz-text"; x is 1..5 (RFC 959 §4.2.1).
    private static bool TryParseCode(string line, out int code, out bool continues)
    {
        code = 0;
        continues = false;
        if (line.Length < 3 || line[0] is < '1' or > '5' || !char.IsAsciiDigit(line[1]) || !char.IsAsciiDigit(line[2]))
        {
            return false;
        }

        if (line.Length > 3 && line[3] is not (' ' or '-'))
        {
            return false;
        }

        code = ((line[0] - '0') * 100) + ((line[1] - '0') * 10) + (line[2] - '0');
        continues = line.Length > 3 && line[3] == '-';
        return true;
    }

    private static string Text(string line) => line.Length > 4 ? line[4..] : string.Empty;

    private static string Shorten(string line) => line.Length > 80 ? line[..80] + "…" : line;

    private async ValueTask<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == '\r')
                {
                    length--;
                }

                // Replies are ASCII in practice (RFC 959); RFC 2640 allows UTF-8 in path names.
                var line = Encoding.UTF8.GetString(_buffer, _start, length);
                _start = newline + 1;
                return line;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                throw new FtpException($"FTP reply line longer than {MaxLineBytes} bytes");
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new FtpException("the FTP server closed the control connection");
            }

            _end += read;
        }
    }
}
