using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Ocpp16.Framing;
using Ocpp16.Json;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Testing;
using Xunit;

namespace Ocpp16.Tests.Codec;

/// <summary>The messages of the security whitepaper on the wire; the schema-driven tests cover them like the 1.6 ones.</summary>
public sealed class SecurityMessageTests
{
    private static readonly DateTimeOffset Timestamp = RequestSamples.Timestamp;

    [Fact]
    public void SecurityEventNotification_is_written_with_its_exact_wire_names()
    {
        var request = new SecurityEventNotificationRequest { Type = "InvalidCentralSystemCertificate", Timestamp = Timestamp, TechInfo = "UntrustedRoot" };

        Assert.Equal(
            """[2,"19223201","SecurityEventNotification",{"type":"InvalidCentralSystemCertificate","timestamp":"2026-11-25T16:27:49.123Z","techInfo":"UntrustedRoot"}]""",
            WriteCall(OcppActions.SecurityEventNotification, request));
    }

    [Fact]
    public void Installed_certificate_ids_are_written_with_upper_case_hash_algorithm_names()
    {
        var response = new GetInstalledCertificateIdsResponse
        {
            Status = GetInstalledCertificateStatusEnumType.Accepted,
            CertificateHashData = [new CertificateHashDataType { HashAlgorithm = HashAlgorithmEnumType.Sha384, IssuerNameHash = "aa", IssuerKeyHash = "bb", SerialNumber = "0c" }],
        };

        Assert.Equal(
            """{"status":"Accepted","certificateHashData":[{"hashAlgorithm":"SHA384","issuerNameHash":"aa","issuerKeyHash":"bb","serialNumber":"0c"}]}""",
            MessageCatalog.Write("GetInstalledCertificateIds.conf", response));
    }

    [Fact]
    public void Signed_firmware_request_reads_its_nested_firmware()
    {
        const string Json = """{"requestId":7,"firmware":""" +
            """{"location":"https://fw.example.com/1.5.0.bin","retrieveDateTime":"2026-11-25T16:27:49.123Z","signingCertificate":"-----BEGIN CERTIFICATE-----\r\nMIIB""" +
            """\r\n-----END CERTIFICATE-----\r\n","signature":"MEUCIQ=="}}""";

        var read = (SignedUpdateFirmwareRequest)MessageCatalog.ReadValid("SignedUpdateFirmware.req", Json);

        Assert.Equal(7, read.RequestId);
        Assert.Equal("https://fw.example.com/1.5.0.bin", read.Firmware.Location);
        Assert.Equal(Timestamp, read.Firmware.RetrieveDateTime);
        Assert.Null(read.Firmware.InstallDateTime);

        // CRLF in PEM text is kept as sent (pitfall 4): certificate code reads it, the codec leaves it alone.
        Assert.Contains("\r\n", read.Firmware.SigningCertificate, StringComparison.Ordinal);
    }

    [Fact]
    public void Extended_trigger_names_the_messages_the_1_6_trigger_lacks()
    {
        var read = (ExtendedTriggerMessageRequest)MessageCatalog.ReadValid("ExtendedTriggerMessage.req", """{"requestedMessage":"SignChargePointCertificate"}""");

        Assert.Equal(MessageTriggerEnumType.SignChargePointCertificate, read.RequestedMessage);
        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, MessageCatalog.Refusal("TriggerMessage.req", """{"requestedMessage":"SignChargePointCertificate"}""")?.Code);
        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, MessageCatalog.Refusal("ExtendedTriggerMessage.req", """{"requestedMessage":"DiagnosticsStatusNotification"}""")?.Code);
    }

    [Fact]
    public void Empty_certificate_list_is_refused_both_ways()
    {
        Assert.Equal(
            OcppErrorCode.OccurenceConstraintViolation,
            MessageCatalog.Refusal("GetInstalledCertificateIds.conf", """{"status":"Accepted","certificateHashData":[]}""")?.Code);

        var empty = new GetInstalledCertificateIdsResponse { Status = GetInstalledCertificateStatusEnumType.NotFound, CertificateHashData = [] };
        var error = Assert.Throws<OcppJsonException>(() => MessageCatalog.Write("GetInstalledCertificateIds.conf", empty));
        Assert.Equal(OcppErrorCode.OccurenceConstraintViolation, error.ErrorCode);
    }

    [Fact]
    public void Certificate_longer_than_5500_characters_is_not_written()
    {
        var request = new InstallCertificateRequest { CertificateType = CertificateUseEnumType.CentralSystemRootCertificate, Certificate = new string('A', 5501) };

        var error = Assert.Throws<OcppJsonException>(() => MessageCatalog.Write("InstallCertificate.req", request));

        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, error.ErrorCode);
    }

    [Fact]
    public void Mutations_cover_the_references_and_the_minimum_items_of_the_security_schemas()
    {
        Assert.Contains("$.certificateHashData = []", SchemaMutations.Invalid("GetInstalledCertificateIds.conf").Keys);
        Assert.Contains("$.certificateHashData[0].serialNumber = 41 characters", SchemaMutations.Invalid("GetInstalledCertificateIds.conf").Keys);
        Assert.Contains("$.certificateHashData.hashAlgorithm = \"sha256\"", SchemaMutations.Invalid("DeleteCertificate.req").Keys);
        Assert.Contains("$.firmware.signature = 801 characters", SchemaMutations.Invalid("SignedUpdateFirmware.req").Keys);
        Assert.Contains("$.log.oldestTimestamp = \"not-a-date\"", SchemaMutations.Invalid("GetLog.req").Keys);
        Assert.Contains("$.certificateChain = 10001 characters", SchemaMutations.Invalid("CertificateSigned.req").Keys);
        Assert.Contains("$.certificateHashData[0].hashAlgorithm = \"SHA512\"", SchemaMutations.Accepted("GetInstalledCertificateIds.conf").Keys);
        Assert.Contains("$.status = \"SignatureVerified\"", SchemaMutations.Accepted("SignedFirmwareStatusNotification.req").Keys);
    }

    [Fact]
    public void Both_copies_of_the_security_schemas_state_the_same_rules()
    {
        // tests/Schemas/ocpp16-security is shared/ocpp16/security-schemas (draft-07, ids shortened);
        // tests/Schemas/ocpp16/security is the OCA edition (draft-06). Ids, $schema, javaType and the
        // OCA quirks of additionalProperties on string enums and additionalItems without tuple items
        // (both without effect) aside, they must agree.
        var files = Directory.GetFiles(OcppSchemas.SecurityDirectory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(22, files.Count);
        foreach (var file in files)
        {
            var shared = Normalized(JsonNode.Parse(File.ReadAllText(Path.Combine(OcppSchemas.SecurityDirectory, file!))));
            var oca = Normalized(JsonNode.Parse(File.ReadAllText(Path.Combine(OcppSchemas.Directory, "security", file!))));
            Assert.True(JsonNode.DeepEquals(shared, oca), $"{file} differs:\n{shared}\n{oca}");
        }
    }

    [Fact]
    public void Schema_checking_observer_checks_security_messages_against_the_security_schemas()
    {
        var observer = new SchemaCheckingObserver();
        var tooLong = new string('x', 51);

        observer.OnFrame(FrameDirection.Received, Encoding.UTF8.GetBytes("""[2,"c1","GetInstalledCertificateIds",{"certificateType":"CentralSystemRootCertificate"}]"""));
        observer.OnFrame(FrameDirection.Sent, Encoding.UTF8.GetBytes("""[3,"c1",{"status":"Accepted","certificateHashData":[]}]"""));
        observer.OnFrame(FrameDirection.Sent, Encoding.UTF8.GetBytes($$"""[2,"s1","SecurityEventNotification",{"type":"{{tooLong}}","timestamp":"2026-11-25T16:27:49.123Z"}]"""));
        observer.OnFrame(FrameDirection.Sent, Encoding.UTF8.GetBytes("""[2,"s2","LogStatusNotification",{"status":"Uploaded","requestId":4}]"""));

        Assert.Equal(3, observer.Checked);
        Assert.Equal(2, observer.Violations.Count);
        Assert.Contains(observer.Violations, v => v.Contains("GetInstalledCertificateIds.conf", StringComparison.Ordinal));
        Assert.Contains(observer.Violations, v => v.Contains("SecurityEventNotification.req", StringComparison.Ordinal));
    }

    private static JsonNode? Normalized(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var isEnum = obj["enum"] is not null;
                var copy = new JsonObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (key is "$id" or "$schema" or "javaType" or "additionalItems" || (isEnum && key == "additionalProperties"))
                    {
                        continue;
                    }

                    copy[key] = Normalized(value);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(Normalized)]);
            default:
                return node?.DeepClone();
        }
    }

    private static string WriteCall(OcppAction action, IOcppRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        FrameWriter.WriteCall(buffer, "19223201", action, request);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
