namespace Station.Hardware;

/// <summary>The relay that switches power to a connector.</summary>
public interface IContactor
{
    /// <summary>Whether power flows to the connector now.</summary>
    bool IsClosed { get; }

    /// <summary>Closes (energizes) or opens the contactor.</summary>
    ValueTask SetClosedAsync(bool closed, CancellationToken cancellationToken = default);
}
