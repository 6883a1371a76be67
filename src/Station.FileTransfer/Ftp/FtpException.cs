namespace Station.FileTransfer.Ftp;

/// <summary>An FTP server refused a command or broke the protocol.</summary>
public sealed class FtpException : FileTransferException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, in one line.</param>
    /// <param name="replyCode">The server's reply code, when it gave one.</param>
    /// <param name="innerException">The cause, if any.</param>
    public FtpException(string message, int? replyCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ReplyCode = replyCode;
    }

    /// <summary>The reply code of the refusal (e.g. 550 for a missing file), null for a protocol error.</summary>
    public int? ReplyCode { get; }
}
