using Ocpp16.Messages;
using Station.DataTransfer;

namespace Station.Benchmarks.EndToEnd;

/// <summary>A DataTransfer vendor handler that answers Accepted with the data it was sent.</summary>
internal sealed class EchoVendor : IDataTransferVendorHandler
{
    public const string Id = "org.example.bench";

    public string VendorId => Id;

    public ValueTask<DataTransferResponse> HandleAsync(DataTransferRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new DataTransferResponse { Status = DataTransferStatus.Accepted, Data = request.Data });
}
