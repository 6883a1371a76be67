using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Ocpp16.Json;
using Ocpp16.Messages;

namespace Ocpp16.Rpc;

/// <summary>
/// Binds the answers of one connection: strictly with <see cref="RpcOptions.StrictAnswers"/>,
/// else leniently (<see cref="AnswerLeniency"/>), warning once per action and kind of deviation
/// for the life of the connection, so that a Central System that always answers the same way
/// leaves one line per deviation in the log rather than one per message.
/// </summary>
internal sealed class AnswerReader(bool strict, ILogger logger)
{
    // Only the receive loop reads answers: no lock needed.
    private readonly HashSet<(string Action, AnswerLeniency Kind)> _warned = [];

    public bool TryRead(OcppAction action, string messageId, ReadOnlySpan<byte> payload, [NotNullWhen(true)] out IOcppResponse? response, out PayloadError error)
    {
        IOcppMessage? message;
        if (strict)
        {
            var read = action.Response.TryRead(payload, out message, out error);
            response = (IOcppResponse?)message;
            return read;
        }

        if (!LenientPayload.TryRead(action.Response, payload, out message, out error, out var tolerated))
        {
            response = null;
            return false;
        }

        foreach (var kind in tolerated.Select(t => t.Kind).Distinct())
        {
            if (_warned.Add((action.Name, kind)))
            {
                var paths = string.Join(", ", tolerated.Where(t => t.Kind == kind).Select(t => t.Path));
                RpcLog.ToleratedAnswer(logger, action.Name, messageId, Describe(kind), paths);
            }
        }

        response = (IOcppResponse)message!;
        return true;
    }

    private static string Describe(AnswerLeniency kind) => kind switch
    {
        AnswerLeniency.UnknownProperty => "unknown property ignored",
        AnswerLeniency.NullOptionalProperty => "null of an optional property treated as absent",
        _ => "date-time without offset taken as UTC",
    };
}
