using Ocpp16.Messages;

namespace Station.DataTransfer;

/// <summary>
/// A station maker's extension point for DataTransfer (§5.6): serves the messages of one vendorId.
/// </summary>
public interface IDataTransferVendorHandler
{
    /// <summary>The vendorId served (compared case-insensitively).</summary>
    string VendorId { get; }

    /// <summary>Answers a DataTransfer of this vendor.</summary>
    ValueTask<DataTransferResponse> HandleAsync(DataTransferRequest request, CancellationToken cancellationToken = default);
}
