using Ocpp16.Json;
using Ocpp16.Messages;
using Station.Firmware;
using Station.Runtime;

namespace Station.Storage.Sqlite;

/// <summary>The firmware block's state in the one-row <c>firmware</c> table.</summary>
public sealed class SqliteFirmwareStore(StationDatabase database) : IFirmwareStore
{
    /// <inheritdoc/>
    public StoredFirmware Load() => database.Use(connection =>
    {
        using var reader = StationDatabase.Command(
            connection,
            null,
            """
            SELECT installed_version, report_after_boot, update_location, update_retrieve_date, update_retries,
                   update_retry_interval_s, update_stage, update_file,
                   report_request_id, update_request_id, update_signing_certificate, update_signature, update_install_date
            FROM firmware WHERE station = $station AND id = 1
            """).ExecuteReader();
        if (!reader.Read())
        {
            return StoredFirmware.Empty;
        }

        FirmwareStatus? report = !reader.IsDBNull(1) && OcppEnum.TryParse<FirmwareStatus>(reader.GetString(1), out var status) ? status : null;
        FirmwareUpdate? update = null;
        if (!reader.IsDBNull(2) && Uri.TryCreate(reader.GetString(2), UriKind.Absolute, out var location) && Enum.TryParse<FirmwareUpdateStage>(reader.GetString(6), out var stage))
        {
            update = new FirmwareUpdate
            {
                Location = location,
                RetrieveDate = Text.Date(reader.GetString(3)),
                Retry = new RetryPlan(reader.GetInt32(4), TimeSpan.FromSeconds(reader.GetInt32(5))),
                Stage = stage,
                FilePath = reader.IsDBNull(7) ? null : reader.GetString(7),
                RequestId = reader.IsDBNull(9) ? null : reader.GetInt32(9),
                SigningCertificate = reader.IsDBNull(10) ? null : reader.GetString(10),
                Signature = reader.IsDBNull(11) ? null : reader.GetString(11),
                InstallDate = reader.IsDBNull(12) ? null : Text.Date(reader.GetString(12)),
            };
        }

        return new StoredFirmware
        {
            InstalledVersion = reader.IsDBNull(0) ? null : reader.GetString(0),
            ReportAfterBoot = report,
            ReportAfterBootRequestId = reader.IsDBNull(8) ? null : reader.GetInt32(8),
            Update = update,
        };
    });

    /// <inheritdoc/>
    public void Save(StoredFirmware firmware)
    {
        var update = firmware.Update;
        database.Execute(
            """
            INSERT INTO firmware (station, id, installed_version, report_after_boot, update_location, update_retrieve_date, update_retries,
                                  update_retry_interval_s, update_stage, update_file, report_request_id, update_request_id,
                                  update_signing_certificate, update_signature, update_install_date)
            VALUES ($station, 1, $version, $report, $location, $retrieve, $retries, $interval, $stage, $file, $reportRequest, $request,
                    $certificate, $signature, $install)
            ON CONFLICT (station, id) DO UPDATE SET
                installed_version = excluded.installed_version, report_after_boot = excluded.report_after_boot,
                update_location = excluded.update_location, update_retrieve_date = excluded.update_retrieve_date,
                update_retries = excluded.update_retries, update_retry_interval_s = excluded.update_retry_interval_s,
                update_stage = excluded.update_stage, update_file = excluded.update_file,
                report_request_id = excluded.report_request_id, update_request_id = excluded.update_request_id,
                update_signing_certificate = excluded.update_signing_certificate, update_signature = excluded.update_signature,
                update_install_date = excluded.update_install_date
            """,
            ("$version", firmware.InstalledVersion),
            ("$report", firmware.ReportAfterBoot is { } report ? OcppEnum.WireName(report) : null),
            ("$location", update?.Location.OriginalString),
            ("$retrieve", update is null ? null : Text.Date(update.RetrieveDate)),
            ("$retries", update?.Retry.Retries),
            ("$interval", update is null ? null : (int)update.Retry.Interval.TotalSeconds),
            ("$stage", update?.Stage.ToString()),
            ("$file", update?.FilePath),
            ("$reportRequest", firmware.ReportAfterBootRequestId),
            ("$request", update?.RequestId),
            ("$certificate", update?.SigningCertificate),
            ("$signature", update?.Signature),
            ("$install", update?.InstallDate is { } install ? Text.Date(install) : null));
    }
}
