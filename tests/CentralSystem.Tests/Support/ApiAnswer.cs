using System.Net;
using System.Text.Json;
using Xunit;

namespace CentralSystem.Tests.Support;

/// <summary>An API answer: status, body text, and the <c>Ocpp-Sequence</c> header when present.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string Body, long? Sequence)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The <c>error</c> of a refusal, after checking the status.</summary>
    public string ErrorFor(HttpStatusCode status)
    {
        Assert.True(Status == status, $"expected {(int)status} {status}, got {(int)Status} {Status}: {Body}");
        return Json.GetProperty("error").GetString()!;
    }

    /// <summary>The body, after checking for 200.</summary>
    public JsonElement Ok()
    {
        Assert.True(Status == HttpStatusCode.OK, $"expected 200, got {(int)Status} {Status}: {Body}");
        return Json;
    }
}
