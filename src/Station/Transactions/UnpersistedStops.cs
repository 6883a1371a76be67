using System.Data.Common;

namespace Station.Transactions;

/// <summary>
/// StopTransactions the journal could not take (a full disk). The session ends all the same (the
/// contactor opens, the connector is freed: a driver who stops must not go on charging), and the
/// write is tried again at every meter checkpoint, oldest first, until the disk takes it; then the
/// StopTransaction is queued and sent as usual. Should the power fail first, the journal still holds
/// the transaction open and the next start stops it with reason PowerLoss at its last persisted
/// reading: later and less exact, but never lost. Used under the station lock.
/// </summary>
internal sealed class UnpersistedStops
{
    private readonly List<(long LocalId, double EnergyWh, DateTimeOffset At, string Payload)> _pending = [];

    /// <summary>How many stops wait for the disk.</summary>
    public int Count => _pending.Count;

    /// <summary>Keeps a stop whose write failed.</summary>
    public void Add(long localId, double energyWh, DateTimeOffset at, string stopTransactionPayload) =>
        _pending.Add((localId, energyWh, at, stopTransactionPayload));

    /// <summary>Writes what the disk takes, oldest first, stopping at the first failure; returns how many were written.</summary>
    public async Task<int> RetryAsync(ITransactionStore store)
    {
        var written = 0;
        while (_pending.Count > 0)
        {
            var (localId, energyWh, at, payload) = _pending[0];
            try
            {
                await store.EndAsync(localId, energyWh, at, payload).ConfigureAwait(false);
            }
            catch (DbException)
            {
                // Still full: the next checkpoint tries again.
                break;
            }

            _pending.RemoveAt(0);
            written++;
        }

        return written;
    }
}
