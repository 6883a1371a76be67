using System.Net;
using CentralSystem.Tests.Support;
using Ocpp16.Messages;
using Xunit;

namespace CentralSystem.Tests.Api;

/// <summary><c>GET</c>/<c>PUT /answers</c>: the default answers changed while stations are connected.</summary>
public sealed class AnswersApiTests : IAsyncLifetime
{
    private TestCentralSystem _csms = null!;

    public async Task InitializeAsync() => _csms = await TestCentralSystem.StartAsync(new CentralSystemOptions
    {
        EnableHttpApi = true,
        HeartbeatInterval = 42,
        DeniedIdTags = ["BLOCKED01"],
        ParentIdTags = new Dictionary<string, string> { ["CHILD01"] = "FLEET01" },
    });

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task The_answers_start_from_the_options()
    {
        var answers = await _csms.Api.GetAsync("answers");

        Assert.Equal(
            """{"bootNotification":{"status":"Accepted","interval":42},"idTags":{"BLOCKED01":"Invalid"},"startTransaction":{"idTags":{}},"parentIdTags":{"CHILD01":"FLEET01"}}""",
            answers.Ok().GetRawText());
    }

    [Fact]
    public async Task A_changed_boot_status_and_interval_answer_the_next_BootNotification()
    {
        var chargePoint = await _csms.ConnectAsync("CP001");

        var put = await _csms.Api.PutAsync("answers", """{"bootNotification": {"status": "Pending", "interval": 7}}""");
        var boot = await chargePoint.BootAsync();

        Assert.Equal("""{"status":"Pending","interval":7}""", put.Ok().GetProperty("bootNotification").GetRawText());
        Assert.Equal((RegistrationStatus.Pending, 7), (boot.Status, boot.Interval));
        Assert.Equal(RegistrationStatus.Pending, _csms.Server.Answers.BootStatus);
    }

    [Fact]
    public async Task IdTag_statuses_answer_Authorize_StartTransaction_and_StopTransaction_and_start_only_statuses_win_for_StartTransaction()
    {
        var chargePoint = await _csms.ConnectAsync("CP001");

        (await _csms.Api.PutAsync("answers", """
            {"idTags": {"OLD1": "Expired", "LOST1": "Blocked"}, "startTransaction": {"idTags": {"old1": "ConcurrentTx"}}}
            """)).Ok();
        var authorize = await chargePoint.CallAsync(new AuthorizeRequest { IdTag = "old1" });
        var start = await chargePoint.CallAsync(SampleRequests.StartTransaction with { IdTag = "OLD1" });
        var stop = await chargePoint.CallAsync(new StopTransactionRequest { TransactionId = start.TransactionId, IdTag = "LOST1", MeterStop = 3, Timestamp = TestCentralSystem.Start });
        var formerlyDenied = await chargePoint.CallAsync(new AuthorizeRequest { IdTag = "BLOCKED01" });

        Assert.Equal(AuthorizationStatus.Expired, authorize.IdTagInfo.Status);
        Assert.Equal(AuthorizationStatus.ConcurrentTx, start.IdTagInfo.Status);
        Assert.Equal(AuthorizationStatus.Blocked, stop.IdTagInfo!.Status);

        // The idTags section was replaced as a whole.
        Assert.Equal(AuthorizationStatus.Accepted, formerlyDenied.IdTagInfo.Status);
    }

    [Fact]
    public async Task A_section_left_out_keeps_its_value()
    {
        (await _csms.Api.PutAsync("answers", """{"bootNotification": {"status": "Rejected"}}""")).Ok();
        var answers = (await _csms.Api.PutAsync("answers", """{"startTransaction": {"idTags": {"BUSY1": "ConcurrentTx"}}}""")).Ok();

        Assert.Equal(
            """{"bootNotification":{"status":"Rejected","interval":42},"idTags":{"BLOCKED01":"Invalid"},"startTransaction":{"idTags":{"BUSY1":"ConcurrentTx"}},"parentIdTags":{"CHILD01":"FLEET01"}}""",
            answers.GetRawText());
        Assert.Equal(answers.GetRawText(), (await _csms.Api.GetAsync("answers")).Ok().GetRawText());
    }

    [Theory]
    [InlineData("""{"bootNotification": {"status": "Maybe"}}""", "bootNotification.status 'Maybe' is not a RegistrationStatus (Accepted, Pending, Rejected)")]
    [InlineData("""{"bootNotification": {"status": "accepted"}}""", "bootNotification.status 'accepted' is not a RegistrationStatus")]
    [InlineData("""{"bootNotification": {"interval": -1}}""", "bootNotification.interval -1 is negative")]
    [InlineData("""{"bootNotification": {"interval": "60"}}""", "the body must be a JSON object like")]
    [InlineData("""{"bootNotification": {"interval": 1.5}}""", "the body must be a JSON object like")]
    [InlineData("""{"idTags": {"CARD1": "Nope"}}""", "idTags.CARD1 'Nope' is not an AuthorizationStatus (Accepted, Blocked, Expired, Invalid, ConcurrentTx)")]
    [InlineData("""{"idTags": {"AN-IDTAG-LONGER-THAN-20": "Blocked"}}""", "idTags holds 'AN-IDTAG-LONGER-THAN-20', which is not an idTag of 1 to 20 characters")]
    [InlineData("""{"idTags": {"": "Blocked"}}""", "idTags holds '', which is not an idTag of 1 to 20 characters")]
    [InlineData("""{"idTags": {"card1": "Blocked", "CARD1": "Expired"}}""", "idTags has idTags that differ only in case (card1, CARD1)")]
    [InlineData("""{"startTransaction": {"idTags": {"X": "Later"}}}""", "startTransaction.idTags.X 'Later' is not an AuthorizationStatus")]
    [InlineData("""{"parentIdTags": {"CARD1": ""}}""", "parentIdTags maps 'CARD1' to ''; both must be idTags of 1 to 20 characters")]
    [InlineData("""{"idTagz": {}}""", "the body must be a JSON object like")]
    [InlineData("""[]""", "the body must be a JSON object like")]
    [InlineData("""null""", "the body must be a JSON object like")]
    [InlineData("""{"bootNotification": """, "the body must be a JSON object like")]
    public async Task A_bad_value_answers_400_with_the_reason_and_changes_nothing(string body, string reason)
    {
        var before = _csms.Server.Answers;

        var answer = await _csms.Api.PutAsync("answers", body);

        Assert.Contains(reason, answer.ErrorFor(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Same(before, _csms.Server.Answers);
    }
}
