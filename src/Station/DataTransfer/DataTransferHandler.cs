using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Composition;

namespace Station.DataTransfer;

/// <summary>Answers DataTransfer (§5.6): by the registered vendor handler, otherwise UnknownVendorId (TC_062).</summary>
internal sealed class DataTransferHandler(IReadOnlyList<IDataTransferVendorHandler> vendors) : IStationHandler<DataTransferRequest, DataTransferResponse>
{
    // Vendor handlers guard their own state; a slow one must not hold the station up.
    public HandlerLock Lock => HandlerLock.None;

    public ValueTask<DataTransferResponse> HandleAsync(DataTransferRequest request, IncomingCallContext context, CancellationToken cancellationToken = default)
    {
        var vendor = vendors.FirstOrDefault(v => string.Equals(v.VendorId, request.VendorId, StringComparison.OrdinalIgnoreCase));
        return vendor is not null
            ? vendor.HandleAsync(request, cancellationToken)
            : ValueTask.FromResult(new DataTransferResponse { Status = DataTransferStatus.UnknownVendorId });
    }
}
