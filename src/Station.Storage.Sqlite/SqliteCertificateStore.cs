using Station.Security.Certificates;

namespace Station.Storage.Sqlite;

/// <summary>The certificate block's rows in the <c>certificates</c> table (this station's rows only).</summary>
public sealed class SqliteCertificateStore(StationDatabase database) : ICertificateStore
{
    /// <inheritdoc/>
    public IReadOnlyList<StoredCertificate> Load() => database.Use(connection =>
    {
        var rows = new List<StoredCertificate>();
        using var reader = StationDatabase.Command(
            connection,
            null,
            "SELECT use, fingerprint, pem, private_key, installed_at, deleted FROM certificates WHERE station = $station ORDER BY installed_at",
            ("$station", database.Station)).ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new StoredCertificate
            {
                Use = reader.GetString(0),
                Fingerprint = reader.GetString(1),
                Pem = reader.IsDBNull(2) ? null : reader.GetString(2),
                PrivateKeyPem = reader.IsDBNull(3) ? null : reader.GetString(3),
                InstalledAt = Text.Date(reader.GetString(4)),
                Deleted = reader.GetInt64(5) != 0,
            });
        }

        return rows;
    });

    /// <inheritdoc/>
    public void Save(StoredCertificate certificate) => database.Execute(
        """
        INSERT INTO certificates (station, use, fingerprint, pem, private_key, installed_at, deleted)
        VALUES ($station, $use, $fingerprint, $pem, $key, $at, $deleted)
        ON CONFLICT (station, use, fingerprint) DO UPDATE SET
            pem = excluded.pem, private_key = excluded.private_key, installed_at = excluded.installed_at, deleted = excluded.deleted
        """,
        ("$station", database.Station),
        ("$use", certificate.Use),
        ("$fingerprint", certificate.Fingerprint),
        ("$pem", certificate.Pem),
        ("$key", certificate.PrivateKeyPem),
        ("$at", Text.Date(certificate.InstalledAt)),
        ("$deleted", certificate.Deleted ? 1 : 0));
}
