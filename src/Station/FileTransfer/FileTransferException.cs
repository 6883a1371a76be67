namespace Station.FileTransfer;

/// <summary>A download or upload failed; the message says why in one line.</summary>
public class FileTransferException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FileTransferException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
