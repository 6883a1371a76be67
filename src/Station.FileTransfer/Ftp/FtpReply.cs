namespace Station.FileTransfer.Ftp;

/// <summary>One FTP reply (RFC 959 §4.2): a three-digit code and its text lines.</summary>
/// <param name="Code">The reply code, 100 to 599.</param>
/// <param name="Lines">The text of each line, without the code prefix of the first and last line.</param>
public sealed record FtpReply(int Code, IReadOnlyList<string> Lines)
{
    /// <summary>1yz: the command started; another reply follows.</summary>
    public bool IsPreliminary => Code is >= 100 and < 200;

    /// <summary>2yz: the command succeeded.</summary>
    public bool IsCompletion => Code is >= 200 and < 300;

    /// <summary>3yz: the server waits for a further command (PASS after USER).</summary>
    public bool IsIntermediate => Code is >= 300 and < 400;

    /// <summary>5yz: the command failed and will fail again unchanged.</summary>
    public bool IsPermanentFailure => Code >= 500;

    /// <summary>The text of all lines in one line.</summary>
    public string Text => string.Join(" ", Lines.Select(l => l.Trim()).Where(l => l.Length > 0));

    /// <inheritdoc/>
    public override string ToString() => Text.Length == 0 ? $"{Code}" : $"{Code} {Text}";
}
