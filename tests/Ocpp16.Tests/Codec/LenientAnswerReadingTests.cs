using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ocpp16.Framing;
using Ocpp16.Json;
using Xunit;

namespace Ocpp16.Tests.Codec;

/// <summary>
/// A lenient read of an answer tolerates unknown properties, nulls of optional properties and
/// date-times without offset, and refuses every other schema violation with the strict code.
/// </summary>
public sealed partial class LenientAnswerReadingTests
{
    public static TheoryData<string, string> AnswerViolations
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in MessageCatalog.Names.Where(n => MessageCatalog.Parse(n).IsResponse))
            {
                foreach (var mutation in SchemaMutations.Invalid(name).Keys)
                {
                    data.Add(name, mutation);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AnswerViolations))]
    public void Lenient_read_tolerates_only_what_leaves_the_answer_usable(string name, string mutation)
    {
        var invalid = SchemaMutations.Invalid(name)[mutation];
        var type = MessageCatalog.TypeOf(name);

        var read = LenientPayload.TryRead(type, Encoding.UTF8.GetBytes(invalid.Json), out var message, out var error, out var tolerated);

        if (invalid.ExpectedLenient is { } expected)
        {
            Assert.False(read, $"tolerated {invalid.Json}");
            Assert.Equal(expected, error.Code);
            Assert.Empty(tolerated);
            return;
        }

        Assert.True(read, $"refused ({error.Code}: {error.Description}) {invalid.Json}");
        Assert.NotEmpty(tolerated);

        // The message is the one the payload means: the same as the strict read of the corrected payload.
        var corrected = MessageCatalog.ReadValid(name, Correct(JsonNode.Parse(invalid.Json))!.ToJsonString());
        Assert.Equal(MessageCatalog.Write(name, corrected), MessageCatalog.Write(name, message!));
    }

    [Fact]
    public void Every_kind_of_leniency_is_exercised_by_the_answer_mutations()
    {
        var tolerated = AnswerViolations.Select(row => SchemaMutations.Invalid((string)row[0])[(string)row[1]])
            .Where(m => m.ExpectedLenient is null)
            .Select(m => m.Description)
            .ToList();

        Assert.Contains("$.idTagInfo.unexpectedProperty added", tolerated);
        Assert.Contains("$.idTagInfo.parentIdTag = null", tolerated);
        Assert.Contains("$.currentTime without offset", tolerated);
        Assert.DoesNotContain("$.idTagInfo.status = null", tolerated);
        Assert.DoesNotContain("$.transactionId removed", tolerated);
    }

    [Theory]
    [InlineData("""{"status":"Accepted","currentTime":"2026-03-17T10:00:00","interval":300,"vendorExtension":{"a":[1,2]}}""", "unknown property and no offset")]
    [InlineData("""{"status":"Accepted","currentTime":"2026-03-17T10:00:00.5","interval":300}""", "fraction, no offset")]
    public void BootNotification_answer_of_the_field_is_read_with_its_time_as_UTC(string json, string what)
    {
        var read = LenientPayload.TryRead(Ocpp16.Messages.OcppActions.BootNotification.Response, Encoding.UTF8.GetBytes(json), out var message, out var error, out _);

        Assert.True(read, $"{what}: {error.Description}");
        var response = Assert.IsType<Ocpp16.Messages.BootNotificationResponse>(message);
        Assert.Equal(TimeSpan.Zero, response.CurrentTime.Offset);
        Assert.Equal(new DateTime(2026, 3, 17, 10, 0, 0, DateTimeKind.Utc), response.CurrentTime.UtcDateTime.AddTicks(-(response.CurrentTime.UtcDateTime.Ticks % TimeSpan.TicksPerSecond)));
    }

    [Theory]
    [InlineData("""{"idTagInfo":{"status":"Accepted","parentIdTag":null}}""", OcppErrorCode.OccurenceConstraintViolation)]
    [InlineData("""{"idTagInfo":{"status":"Accepted"},"transactionId":"7"}""", OcppErrorCode.TypeConstraintViolation)]
    [InlineData("""{"idTagInfo":{"status":"Accepted"},"transactionId":null}""", OcppErrorCode.TypeConstraintViolation)]
    [InlineData("""{"idTagInfo":{"status":"Maybe"},"transactionId":7,"extra":1}""", OcppErrorCode.PropertyConstraintViolation)]
    [InlineData("""{"idTagInfo":{"status":"Accepted","parentIdTag":"123456789012345678901"},"transactionId":7}""", OcppErrorCode.PropertyConstraintViolation)]
    [InlineData("""{"idTagInfo":{"status":"Accepted","expiryDate":"2026-03-17 10:00:00"},"transactionId":7}""", OcppErrorCode.PropertyConstraintViolation)]
    [InlineData("""{"idTagInfo":{"status":"Accepted","expiryDate":7},"transactionId":7}""", OcppErrorCode.TypeConstraintViolation)]
    [InlineData("""{"idTagInfo":{"status":"Accepted"},"transactionId":7,"transactionId":8}""", OcppErrorCode.FormationViolation)]
    [InlineData("""{"idTagInfo":{"status":"Accepted"},"transactionId":7,"x":{"deep":[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]}}""", OcppErrorCode.FormationViolation)]
    public void Lenient_read_still_refuses_an_unusable_StartTransaction_answer(string json, OcppErrorCode expected)
    {
        var read = LenientPayload.TryRead(Ocpp16.Messages.OcppActions.StartTransaction.Response, Encoding.UTF8.GetBytes(json), out _, out var error, out _);

        Assert.False(read);
        Assert.Equal(expected, error.Code);
    }

    // The test's own account of the leniencies, on the parsed tree: no unknown property, no null, every offset-less time in UTC.
    private static JsonNode? Correct(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == SchemaMutations.UnknownProperty || value is null)
                    {
                        obj.Remove(key);
                    }
                    else
                    {
                        obj[key] = Correct(value.DeepClone());
                    }
                }

                return obj;
            case JsonArray array:
                return new JsonArray([.. array.Select(e => Correct(e?.DeepClone()))]);
            case JsonValue value when value.TryGetValue<string>(out var text) && NoOffset().IsMatch(text):
                return JsonValue.Create(text + "Z");
            default:
                return node;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$")]
    private static partial Regex NoOffset();
}
