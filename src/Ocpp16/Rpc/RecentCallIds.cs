namespace Ocpp16.Rpc;

/// <summary>
/// The unique ids of the last <see cref="Capacity"/> CALLs the peer sent on one connection, to tell
/// a repeated one (OCPP-J §4.1.3: a sender never uses a CALL's id again on the same connection).
/// Bounded, and allocated with the first CALL: a fleet holds one per station. Used on the receive
/// loop only, so without a lock.
/// </summary>
internal sealed class RecentCallIds
{
    /// <summary>How many ids are remembered: a replay of an older CALL goes unnoticed.</summary>
    public const int Capacity = 32;

    private string[]? _ids;
    private int _next;

    /// <summary>Remembers <paramref name="messageId"/>; false when it is among the remembered ones already.</summary>
    public bool Add(string messageId)
    {
        _ids ??= new string[Capacity];
        foreach (var id in _ids)
        {
            if (id is not null && string.Equals(id, messageId, StringComparison.Ordinal))
            {
                return false;
            }
        }

        _ids[_next] = messageId;
        _next = (_next + 1) % Capacity;
        return true;
    }
}
