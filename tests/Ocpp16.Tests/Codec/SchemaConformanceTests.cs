using System.Text.Json.Nodes;
using Ocpp16.Messages;
using Ocpp16.Testing;
using Xunit;

namespace Ocpp16.Tests.Codec;

/// <summary>What the codec writes passes the official schemas, and what the schemas allow is read back.</summary>
public sealed class SchemaConformanceTests
{
    [Fact]
    public void Every_request_and_response_of_the_39_operations_has_a_full_and_a_minimal_sample()
    {
        // 28 of OCPP 1.6 and 11 of the security whitepaper.
        Assert.Equal(28, OcppActions.All.Count(a => a.Profile != FeatureProfile.Security));
        Assert.Equal(11, OcppActions.All.Count(a => a.Profile == FeatureProfile.Security));
        var missing = OcppActions.All
            .SelectMany(a => new[] { a.Request.ClrType, a.Response.ClrType })
            .Where(t => !MessageCatalog.HasFull(t) || !MessageCatalog.HasMinimal(t))
            .Select(t => t.Name);
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(MessageCatalog.NameData), MemberType = typeof(MessageCatalog))]
    public void Full_sample_passes_the_official_schema_and_reads_back_equal(string name) =>
        AssertRoundTrip(name, MessageCatalog.Full(name));

    [Theory]
    [MemberData(nameof(MessageCatalog.NameData), MemberType = typeof(MessageCatalog))]
    public void Minimal_sample_passes_the_official_schema_and_reads_back_equal(string name) =>
        AssertRoundTrip(name, MessageCatalog.Minimal(name));

    [Theory]
    [MemberData(nameof(MessageCatalog.NameData), MemberType = typeof(MessageCatalog))]
    public void Full_sample_fills_every_property_the_schema_defines(string name)
    {
        var json = JsonNode.Parse(MessageCatalog.Write(name, MessageCatalog.Full(name)));
        Assert.Empty(SchemaMutations.Unfilled(SchemaMutations.Schema(name), json));
    }

    [Theory]
    [MemberData(nameof(MessageCatalog.NameData), MemberType = typeof(MessageCatalog))]
    public void Minimal_sample_has_only_the_properties_the_schema_requires(string name)
    {
        var json = JsonNode.Parse(MessageCatalog.Write(name, MessageCatalog.Minimal(name)));
        Assert.Empty(SchemaMutations.Optional(SchemaMutations.Schema(name), json));
    }

    [Theory]
    [MemberData(nameof(SchemaMutations.AcceptedData), MemberType = typeof(SchemaMutations))]
    public void Variant_the_schema_allows_is_accepted_and_written_back_valid(string name, string variant)
    {
        var (action, isResponse) = MessageCatalog.Parse(name);
        var json = SchemaMutations.Accepted(name)[variant].Json;
        OcppSchemas.AssertValid(action, isResponse, json);

        var read = MessageCatalog.ReadValid(name, json);

        OcppSchemas.AssertValid(action, isResponse, MessageCatalog.Write(name, read));
    }

    [Fact]
    public void Allowed_variants_cover_optional_fields_enum_members_offsets_integer_limits_and_empty_arrays()
    {
        var meterValues = SchemaMutations.Accepted("MeterValues.req");
        Assert.Contains("$.transactionId removed", meterValues.Keys);
        Assert.Contains("$.meterValue[0].sampledValue[0].measurand = \"Energy.Active.Import.Register\"", meterValues.Keys);
        Assert.Contains("$.meterValue[0].sampledValue[0].unit = \"Celcius\"", meterValues.Keys);
        Assert.Contains("$.meterValue[0].timestamp with a +02:00 offset", meterValues.Keys);
        Assert.Contains("$.meterValue[0].sampledValue = []", meterValues.Keys);
        Assert.Contains(
            "$.csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit = 6",
            SchemaMutations.Accepted("SetChargingProfile.req").Keys);
        Assert.Contains("$.chargePointVendor = 20 characters", SchemaMutations.Accepted("BootNotification.req").Keys);
    }

    [Fact]
    public void Date_with_an_offset_reads_as_the_same_instant()
    {
        var read = (HeartbeatResponse)MessageCatalog.ReadValid("Heartbeat.conf", """{"currentTime":"2026-11-25T18:27:49.123+02:00"}""");

        Assert.Equal(RequestSamples.Timestamp, read.CurrentTime);
        Assert.Equal("""{"currentTime":"2026-11-25T16:27:49.123Z"}""", MessageCatalog.Write("Heartbeat.conf", read));
    }

    [Fact]
    public void Integer_valued_limit_reads_as_a_decimal()
    {
        var json = MessageCatalog.Write("SetChargingProfile.req", MessageCatalog.Minimal("SetChargingProfile.req"))
            .Replace("\"limit\":7360", "\"limit\":6", StringComparison.Ordinal);

        var read = (SetChargingProfileRequest)MessageCatalog.ReadValid("SetChargingProfile.req", json);

        Assert.Equal(6m, read.CsChargingProfiles.ChargingSchedule.ChargingSchedulePeriod[0].Limit);
    }

    private static void AssertRoundTrip(string name, IOcppMessage sample)
    {
        var (action, isResponse) = MessageCatalog.Parse(name);
        var json = MessageCatalog.Write(name, sample);
        OcppSchemas.AssertValid(action, isResponse, json);

        var read = MessageCatalog.ReadValid(name, json);

        // Records holding lists compare the lists by reference: their re-written text is the comparison that holds.
        Assert.Equal(json, MessageCatalog.Write(name, read));
        if (!HoldsList(sample.GetType(), []))
        {
            Assert.Equal(sample, read);
        }
    }

    private static bool HoldsList(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return false;
        }

        foreach (var property in type.GetProperties())
        {
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                return true;
            }

            if (propertyType.Namespace == typeof(IOcppMessage).Namespace && propertyType.IsClass && HoldsList(propertyType, seen))
            {
                return true;
            }
        }

        return false;
    }
}
