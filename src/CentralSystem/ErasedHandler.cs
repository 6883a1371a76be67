using Ocpp16.Messages;

namespace CentralSystem;

/// <summary>The handler of a Charge Point → Central System action, with its types erased for lookup by name.</summary>
internal delegate ValueTask<IOcppResponse> ErasedHandler(StationSession session, IOcppRequest request, CancellationToken cancellationToken);
