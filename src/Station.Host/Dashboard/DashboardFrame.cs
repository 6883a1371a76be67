namespace Station.Host.Dashboard;

/// <summary>
/// One OCPP frame as the dashboard shows it: <c>{"sequence":12,"time":"…","direction":"sent",
/// "action":"StartTransaction","type":"CALL","text":"[2,\"…\",…]"}</c>. <c>sent</c> is station →
/// Central System. The text is the frame as it travelled (cut at <see cref="DashboardFrameLog.MaxTextChars"/>),
/// parsed by the page, so a malformed frame is shown as it was.
/// </summary>
internal sealed record DashboardFrame(long Sequence, DateTimeOffset Time, string Direction, string? Action, string Type, string Text, bool Truncated = false);
