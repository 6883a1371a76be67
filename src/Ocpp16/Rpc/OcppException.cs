namespace Ocpp16.Rpc;

/// <summary>The base of every failure of an OCPP call.</summary>
public abstract class OcppException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected OcppException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
