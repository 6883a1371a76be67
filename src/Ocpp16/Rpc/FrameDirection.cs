namespace Ocpp16.Rpc;

/// <summary>Which way a frame travelled.</summary>
public enum FrameDirection
{
    /// <summary>Received from the peer.</summary>
    Received,

    /// <summary>Sent to the peer.</summary>
    Sent,
}
