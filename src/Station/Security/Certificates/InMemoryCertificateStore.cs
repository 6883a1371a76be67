namespace Station.Security.Certificates;

/// <summary>A certificate store that forgets everything with the process (tests).</summary>
public sealed class InMemoryCertificateStore : ICertificateStore
{
    private readonly Lock _gate = new();
    private readonly List<StoredCertificate> _rows = [];

    /// <inheritdoc/>
    public IReadOnlyList<StoredCertificate> Load()
    {
        lock (_gate)
        {
            return [.. _rows];
        }
    }

    /// <inheritdoc/>
    public void Save(StoredCertificate certificate)
    {
        lock (_gate)
        {
            _rows.RemoveAll(r => r.Use == certificate.Use && r.Fingerprint == certificate.Fingerprint);
            _rows.Add(certificate);
        }
    }
}
