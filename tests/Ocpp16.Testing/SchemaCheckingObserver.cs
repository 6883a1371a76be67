using System.Collections.Concurrent;
using System.Text;
using Ocpp16.Framing;
using Ocpp16.Rpc;

namespace Ocpp16.Testing;

/// <summary>
/// Validates every frame a station sends against the official OCPP 1.6 schemas (its answers are
/// matched to the Central System's calls it received) and remembers each violation; tests assert
/// there were none. What the Central System sends is not judged: tests send broken frames on purpose.
/// </summary>
public sealed class SchemaCheckingObserver : IFrameObserver
{
    private readonly ConcurrentDictionary<string, string> _callsByMessageId = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _violations = new();
    private int _checked;

    /// <summary>How many payloads were checked.</summary>
    public int Checked => Volatile.Read(ref _checked);

    /// <summary>Every violation so far.</summary>
    public IReadOnlyList<string> Violations => [.. _violations];

    /// <inheritdoc/>
    public void OnFrame(FrameDirection direction, ReadOnlySpan<byte> frame)
    {
        var bytes = frame.ToArray();
        var read = FrameReader.Read(bytes);
        if (!read.IsValid)
        {
            if (direction == FrameDirection.Sent)
            {
                _violations.Enqueue($"sent a malformed frame ({read.Error}): {Encoding.UTF8.GetString(bytes)}");
            }

            return;
        }

        var parsed = read.Frame;
        switch (parsed.MessageType)
        {
            case MessageTypeId.Call:
                _callsByMessageId[parsed.MessageId] = parsed.Action!;
                Check(parsed.Action!, isResponse: false, parsed.Payload, direction);
                break;
            case MessageTypeId.CallResult when _callsByMessageId.TryRemove(parsed.MessageId, out var action):
                Check(action, isResponse: true, parsed.Payload, direction);
                break;
            case MessageTypeId.CallError:
                _callsByMessageId.TryRemove(parsed.MessageId, out _);
                break;
        }
    }

    /// <summary>Fails when any frame broke its schema.</summary>
    public void AssertValid()
    {
        if (!_violations.IsEmpty)
        {
            throw new Xunit.Sdk.XunitException($"frames that break the OCPP 1.6 schemas:\n{string.Join("\n", _violations)}");
        }
    }

    private void Check(string action, bool isResponse, ReadOnlyMemory<byte> payload, FrameDirection direction)
    {
        if (direction != FrameDirection.Sent || !Ocpp16.Messages.OcppActions.TryGet(action, out _))
        {
            return;
        }

        Interlocked.Increment(ref _checked);
        var json = Encoding.UTF8.GetString(payload.Span);
        var errors = OcppSchemas.Errors(action, isResponse, json);
        if (errors.Count > 0)
        {
            _violations.Enqueue($"{direction} {action}{(isResponse ? ".conf" : ".req")}: {string.Join("; ", errors)} in {json}");
        }
    }
}
