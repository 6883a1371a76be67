using System.Text.Json;
using CentralSystem;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Station.Host.Csms;
using Xunit;

namespace Station.Host.Tests;

public sealed class FrameLineWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 17, 9, 26, 53, 417, TimeSpan.Zero);

    [Fact]
    public void Readable_line_is_the_time_and_the_formatted_frame()
    {
        var frame = RecordedFrame.FromText("CP001", FrameDirection.Received, """[2,"1","StartTransaction",{"connectorId":1,"idTag":"ABC123","meterStart":0,"timestamp":"2026-03-17T09:26:53Z"}]""", At);

        var line = new FrameLineWriter(TextWriter.Null, json: false).Format(frame);

        Assert.Equal("09:26:53.417 CP001 → StartTransaction connectorId=1 idTag=ABC123 meterStart=0", line);
    }

    [Fact]
    public void Line_breaks_inside_a_value_stay_on_one_line()
    {
        var frame = RecordedFrame.FromText(
            "CP001", FrameDirection.Received, """[2,"1","StatusNotification",{"connectorId":1,"errorCode":"OtherError","status":"Faulted","info":"line one\nline two"}]""", At);
        using var output = new StringWriter();

        new FrameLineWriter(output, json: false).Write(frame);
        new FrameLineWriter(output, json: true).Write(frame);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(@"line one\nline two", lines[0], StringComparison.Ordinal);
        Assert.Equal("line one\nline two", JsonDocument.Parse(lines[1]).RootElement.GetProperty("frame")[3].GetProperty("info").GetString());
    }

    [Fact]
    public void Json_line_carries_the_raw_frame_compacted_with_station_direction_and_answered_action()
    {
        var text = "[3,\n  \"42\",\n  {\"transactionId\": 7, \"idTagInfo\": {\"status\": \"Accepted\"}}\n]";
        var frame = RecordedFrame.FromText("CP 7", FrameDirection.Sent, text, At, OcppActions.StartTransaction);
        using var output = new StringWriter();

        new FrameLineWriter(output, json: true).Write(frame);

        var line = Assert.Single(output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal("2026-03-17T09:26:53.417Z", json.GetProperty("time").GetString());
        Assert.Equal("CP 7", json.GetProperty("chargePointId").GetString());
        Assert.Equal("sent", json.GetProperty("direction").GetString());
        Assert.Equal("StartTransaction", json.GetProperty("action").GetString());
        Assert.Equal("""[3,"42",{"transactionId":7,"idTagInfo":{"status":"Accepted"}}]""", json.GetProperty("frame").GetRawText());
    }

    [Fact]
    public void A_frame_that_is_not_json_is_kept_as_text()
    {
        var frame = RecordedFrame.FromText("CP001", FrameDirection.Received, "hello\nworld", At);

        var json = new FrameLineWriter(TextWriter.Null, json: true).Format(frame);
        var readable = new FrameLineWriter(TextWriter.Null, json: false).Format(frame);

        Assert.Equal("hello\nworld", JsonDocument.Parse(json).RootElement.GetProperty("text").GetString());
        Assert.DoesNotContain('\n', json);
        Assert.DoesNotContain('\n', readable);
        Assert.StartsWith("09:26:53.417 CP001 → malformed frame", readable, StringComparison.Ordinal);
    }
}
