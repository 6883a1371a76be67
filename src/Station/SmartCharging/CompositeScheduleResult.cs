using Ocpp16.Messages;

namespace Station.SmartCharging;

/// <summary>The answer to a GetCompositeSchedule: a schedule, or Rejected with a reason for the log.</summary>
public sealed record CompositeScheduleResult
{
    private CompositeScheduleResult(CompositeSchedule? schedule, string? reason) => (Schedule, Reason) = (schedule, reason);

    /// <summary>The composite schedule; null when rejected.</summary>
    public CompositeSchedule? Schedule { get; }

    /// <summary>Why the request was rejected; null when accepted.</summary>
    public string? Reason { get; }

    /// <summary>The status to answer with.</summary>
    public GetCompositeScheduleStatus Status => Schedule is null ? GetCompositeScheduleStatus.Rejected : GetCompositeScheduleStatus.Accepted;

    /// <summary>A composite schedule was calculated.</summary>
    public static CompositeScheduleResult Accepted(CompositeSchedule schedule) => new(schedule, null);

    /// <summary>The station cannot report the schedule (§5.7: for instance an unknown connectorId).</summary>
    public static CompositeScheduleResult Rejected(string reason) => new(null, reason);

    /// <summary>GetCompositeSchedule.conf for this result.</summary>
    public GetCompositeScheduleResponse ToResponse() => Schedule is { } schedule
        ? new GetCompositeScheduleResponse
        {
            Status = GetCompositeScheduleStatus.Accepted,
            ConnectorId = schedule.ConnectorId,
            ScheduleStart = schedule.ScheduleStart,
            ChargingSchedule = schedule.ToChargingSchedule(),
        }
        : new GetCompositeScheduleResponse { Status = GetCompositeScheduleStatus.Rejected };
}
