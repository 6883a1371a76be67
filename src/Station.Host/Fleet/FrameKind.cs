namespace Station.Host.Fleet;

/// <summary>The OCPP-J message type of a frame (OCPP-J 1.6 §4.1.3).</summary>
internal enum FrameKind
{
    Call = 2,
    Result = 3,
    Error = 4,
}
