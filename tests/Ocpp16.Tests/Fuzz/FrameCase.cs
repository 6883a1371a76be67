using System.Text;
using Ocpp16.Framing;

namespace Ocpp16.Tests.Fuzz;

/// <summary>
/// One generated frame and what OCPP-J 1.6 §4 requires of the receiver, derived from how the frame
/// was built: no answer (<see cref="MessageId"/> null: no id to answer to, or an answer of ours), a
/// CALLRESULT (<see cref="Code"/> null) or a CALLERROR with that code.
/// </summary>
internal sealed record FrameCase(string Kind, byte[] Frame, string? MessageId, OcppErrorCode? Code)
{
    public static FrameCase NoAnswer(string kind, byte[] frame) => new(kind, frame, null, null);

    public static FrameCase NoAnswer(string kind, string frame) => NoAnswer(kind, Encoding.UTF8.GetBytes(frame));

    public static FrameCase Result(string kind, byte[] frame, string messageId) => new(kind, frame, messageId, null);

    public static FrameCase Result(string kind, string frame, string messageId) => Result(kind, Encoding.UTF8.GetBytes(frame), messageId);

    public static FrameCase Error(string kind, byte[] frame, string messageId, OcppErrorCode code) => new(kind, frame, messageId, code);

    public static FrameCase Error(string kind, string frame, string messageId, OcppErrorCode code) => Error(kind, Encoding.UTF8.GetBytes(frame), messageId, code);

    public bool AnswersWithResult => MessageId is not null && Code is null;

    public override string ToString()
    {
        var expected = MessageId is null ? "no answer" : Code is null ? $"CALLRESULT {MessageId}" : $"CALLERROR {Code} {MessageId}";
        var text = Frame.Length > 600 ? Encoding.UTF8.GetString(Frame, 0, 600) + $"… ({Frame.Length} bytes)" : Encoding.UTF8.GetString(Frame);
        return $"{Kind}: expected {expected}: {text}";
    }
}
