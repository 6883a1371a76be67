namespace Station.Host.Fleet;

/// <summary>The frames of one action, both ways, and the response times of the stations' CALLs of it.</summary>
internal sealed class ActionCounts(string action)
{
    private long _callsSent;
    private long _callsReceived;
    private long _errors;

    public string Action => action;

    public long CallsSent => Interlocked.Read(ref _callsSent);

    public long CallsReceived => Interlocked.Read(ref _callsReceived);

    public long Errors => Interlocked.Read(ref _errors);

    public ResponseTimes ResponseTimes { get; } = new();

    public void Count(bool sent, FrameKind kind)
    {
        if (kind == FrameKind.Call)
        {
            Interlocked.Increment(ref sent ? ref _callsSent : ref _callsReceived);
        }
        else if (kind == FrameKind.Error)
        {
            Interlocked.Increment(ref _errors);
        }
    }
}
