using Station.Composition;
using Station.Security;

namespace Station.IntegrationTests.Support;

/// <summary>A stand-in for the certificate block's CSR flow: counts the requests it is asked to make.</summary>
internal sealed class SigningDouble : IChargePointCertificateSigning, IStationModule
{
    private int _runs;

    public bool Able { get; set; } = true;

    public TaskCompletionSource Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Runs => Volatile.Read(ref _runs);

    public Func<CancellationToken, Task>? SignChargePointCertificate() => Able
        ? _ =>
        {
            Interlocked.Increment(ref _runs);
            Ran.TrySetResult();
            return Task.CompletedTask;
        }
        : null;
}
