using Ocpp16.Framing;
using Ocpp16.Testing;
using Xunit;

namespace Ocpp16.Tests.Codec;

/// <summary>Payloads that break their schema are refused with the OCPP-J error code of the broken rule (OCPP-J 1.6 §4.2.3).</summary>
public sealed class InvalidPayloadTests
{
    [Theory]
    [MemberData(nameof(SchemaMutations.InvalidData), MemberType = typeof(SchemaMutations))]
    public void Schema_violation_is_refused_with_the_error_code_of_the_broken_rule(string name, string mutation)
    {
        var (action, isResponse) = MessageCatalog.Parse(name);
        var invalid = SchemaMutations.Invalid(name)[mutation];

        // The official schema refuses it too: the variant really is invalid. NJsonSchema's date-time
        // check accepts a time without offset, which RFC 3339 §5.6 (the format's definition) forbids.
        if (!mutation.Contains("without offset", StringComparison.Ordinal) || mutation.EndsWith("day 32", StringComparison.Ordinal))
        {
            Assert.NotEmpty(OcppSchemas.Errors(action, isResponse, invalid.Json));
        }
        var refusal = MessageCatalog.Refusal(name, invalid.Json);

        Assert.True(refusal.HasValue, $"accepted {invalid.Json}");
        Assert.Equal(invalid.Expected, refusal.Value.Code);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Value.Description));
    }

    [Fact]
    public void Violations_cover_every_rule_the_schemas_state()
    {
        var all = MessageCatalog.Names.SelectMany(n => SchemaMutations.Invalid(n).Values).ToList();
        Assert.True(all.Count > 1000, $"only {all.Count} violations generated");
        Assert.All(
            Enum.GetValues<OcppErrorCode>().Where(c => c.ToString().Contains("Violation", StringComparison.Ordinal)),
            code => Assert.Contains(all, m => m.Expected == code));

        Assert.Contains("$.meterValue[0].sampledValue[0].measurand = \"energy.active.export.register\"", SchemaMutations.Invalid("MeterValues.req").Keys);
        Assert.Contains("$.meterValue[0].timestamp = \"not-a-date\"", SchemaMutations.Invalid("MeterValues.req").Keys);
        Assert.Contains("$.meterValue[0].sampledValue[0].unexpectedProperty added", SchemaMutations.Invalid("MeterValues.req").Keys);
        Assert.Contains("$.status = \"accepted\"", SchemaMutations.Invalid("Reset.conf").Keys);
        Assert.Contains("$.location = \"firmware/v2.bin\"", SchemaMutations.Invalid("UpdateFirmware.req").Keys);
        Assert.Contains("$.idTag = 21 characters", SchemaMutations.Invalid("Authorize.req").Keys);
        Assert.Contains("$.connectorId = 1.5", SchemaMutations.Invalid("UnlockConnector.req").Keys);
        Assert.Contains("$.csChargingProfiles.chargingSchedule.minChargingRate = 0.05", SchemaMutations.Invalid("SetChargingProfile.req").Keys);
        Assert.Contains("$.idTagInfo.status removed", SchemaMutations.Invalid("Authorize.conf").Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"idTag\":")]
    [InlineData("{idTag:\"04A2B3C4D5E6F7\"}")]
    [InlineData("{\"idTag\":\"04A2B3C4D5E6F7\",}")]
    [InlineData("{\"idTag\":\"04A2B3C4D5E6F7\"} {}")]
    public void Malformed_json_is_refused_FormationViolation(string json) =>
        Assert.Equal(OcppErrorCode.FormationViolation, MessageCatalog.Refusal("Authorize.req", json)?.Code);

    [Fact]
    public void Repeated_property_is_refused_FormationViolation() =>
        Assert.Equal(OcppErrorCode.FormationViolation, MessageCatalog.Refusal("Authorize.req", """{"idTag":"04A2B3C4D5E6F7","idTag":"0499887766"}""")?.Code);

    [Fact]
    public void Deeply_nested_unknown_property_is_refused_FormationViolation()
    {
        var deep = new string('[', 200) + new string(']', 200);
        Assert.Equal(OcppErrorCode.FormationViolation, MessageCatalog.Refusal("Heartbeat.req", $$"""{"x":{{deep}}}""")?.Code);
    }

    [Fact]
    public void Integer_beyond_32_bits_is_refused_TypeConstraintViolation()
    {
        // The schema's "integer" is unbounded; OCPP 1.6 §7 defines integer as 32 bit.
        const string Json = """{"connectorId":1,"idTag":"04A2B3C4D5E6F7","meterStart":3000000000,"timestamp":"2026-11-25T16:27:49.123Z"}""";
        Assert.Empty(OcppSchemas.Errors("StartTransaction", false, Json));

        Assert.Equal(OcppErrorCode.TypeConstraintViolation, MessageCatalog.Refusal("StartTransaction.req", Json)?.Code);
    }

    [Theory]
    [InlineData("2026-11-25T16:27:49")]
    [InlineData("2026-11-25T16:27:49.123")]
    [InlineData("2026-11-25")]
    [InlineData("2026-11-25 16:27:49Z")]
    [InlineData("2026-11-25T16:27:49.123+0200")]
    public void Date_without_an_rfc3339_offset_is_refused_PropertyConstraintViolation(string date)
    {
        // NJsonSchema's date-time check is lenient here; RFC 3339 §5.6 requires 'T' and 'Z' or '+hh:mm'.
        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, MessageCatalog.Refusal("Heartbeat.conf", $$"""{"currentTime":"{{date}}"}""")?.Code);
    }

    [Theory]
    [InlineData("/firmware/v2.bin")]
    [InlineData("//fw.example.com/v2.bin")]
    [InlineData("fw.example.com/v2.bin")]
    [InlineData("")]
    public void Location_without_a_scheme_is_refused_PropertyConstraintViolation(string location)
    {
        // RFC 3986 §4.3: an absolute URI starts with a scheme. On Unix, .NET (and NJsonSchema with it)
        // takes "/path" and "//host/path" for file URIs, so this is checked against the RFC only.
        var json = $$"""{"location":"{{location}}","retrieveDate":"2026-11-25T16:27:49.123Z"}""";

        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, MessageCatalog.Refusal("UpdateFirmware.req", json)?.Code);
    }

    [Theory]
    [InlineData("ftp://user:secret@fw.example.com/tsct/1.5.0.bin")]
    [InlineData("https://fw.example.com:8443/tsct?version=1.5.0")]
    [InlineData("http://[2001:db8::1]/fw.bin")]
    public void Location_with_a_scheme_is_accepted(string location)
    {
        var json = $$"""{"location":"{{location}}","retrieveDate":"2026-11-25T16:27:49.123Z"}""";
        OcppSchemas.AssertValid("UpdateFirmware", false, json);

        Assert.Null(MessageCatalog.Refusal("UpdateFirmware.req", json));
    }

    [Fact]
    public void Escaped_property_names_and_values_are_read_like_plain_ones()
    {
        var read = MessageCatalog.ReadValid("Heartbeat.conf", """{"current\u0054ime":"2026-11-25T18:27:49.123\u002B02:00"}""");

        Assert.Equal(RequestSamples.Timestamp, ((Messages.HeartbeatResponse)read).CurrentTime);
    }

    [Theory]
    [InlineData("""{"\uD800":1}""")]
    [InlineData("""{"idTag":"\uD800"}""")]
    [InlineData("""{"idTag":"04A2\uDC00"}""")]
    public void Invalid_unicode_escape_is_refused_FormationViolation(string json) =>
        Assert.Equal(OcppErrorCode.FormationViolation, MessageCatalog.Refusal("Authorize.req", json)?.Code);
}
