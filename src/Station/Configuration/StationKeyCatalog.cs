using Station.Composition;
using Station.FileTransfer;
using Station.Model;

namespace Station.Configuration;

/// <summary>
/// Every configuration key a station of a model offers, from every block of
/// <see cref="StationComposition.Default"/> that is present, adjusted by its model: the one list the
/// station runs with, a model file is checked against, and the README's key table shows.
/// </summary>
public static class StationKeyCatalog
{
    /// <summary>
    /// The key definitions of a station with <paramref name="model"/>; <paramref name="fileTransferSchemes"/>
    /// null means no file transfer (and so no Firmware Management). Throws <see cref="ModelException"/>
    /// when the model's adjustments do not fit.
    /// </summary>
    public static IReadOnlyList<ConfigurationKeyDefinition> For(StationModel model, IReadOnlyList<string>? fileTransferSchemes)
    {
        var options = new ChargePointOptions
        {
            ChargePointId = "catalogue",
            CentralSystemUri = new Uri("ws://localhost/ocpp"),
            FileTransfer = fileTransferSchemes is null ? null : new SchemesOnly(fileTransferSchemes),
        };
        return StationComposition.Keys(StationComposition.Setup(model, options));
    }

    // What the composition asks of a file transfer to list the keys: its schemes. It transfers nothing.
    private sealed class SchemesOnly(IReadOnlyList<string> schemes) : IFileTransfer
    {
        public IReadOnlyList<string> Schemes => schemes;

        public Task DownloadAsync(Uri source, string destinationPath, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("the key catalogue transfers no files");

        public Task UploadAsync(string sourcePath, Uri destination, string fileName, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("the key catalogue transfers no files");
    }
}
