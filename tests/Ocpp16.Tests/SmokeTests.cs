using System.Text;
using Ocpp16.Messages;
using Station.Testing;
using Xunit;

namespace Ocpp16.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Boot_notification_written_by_the_codec_passes_the_official_schema()
    {
        var request = new BootNotificationRequest { ChargePointVendor = "TaeSeongConTech", ChargePointModel = "TSCT-2007CP" };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            OcppActions.BootNotification.Request.Write(writer, request);
        }

        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        OcppSchemas.AssertValid("BootNotification", isResponse: false, json);
        Assert.Equal("""{"chargePointVendor":"TaeSeongConTech","chargePointModel":"TSCT-2007CP"}""", json);
        Assert.NotEmpty(OcppSchemas.Errors("BootNotification", false, """{"chargePointVendor":"x"}"""));
        Assert.True(OcppActions.BootNotification.Request.TryRead(buffer.WrittenSpan, out var read, out _));
        Assert.Equal(request, read);
        Assert.False(OcppActions.BootNotification.Request.TryRead("""{"chargePointVendor":"x"}"""u8, out _, out var error));
        Assert.Equal(Framing.OcppErrorCode.OccurenceConstraintViolation, error.Code);
    }
}
