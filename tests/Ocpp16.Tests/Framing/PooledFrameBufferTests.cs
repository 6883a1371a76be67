using System.Text;
using Ocpp16.Framing;
using Ocpp16.Messages;
using Xunit;

namespace Ocpp16.Tests.Framing;

/// <summary>The send buffer rented while a frame is written and sent, and given back after.</summary>
public sealed class PooledFrameBufferTests
{
    [Fact]
    public void A_frame_larger_than_the_first_rent_is_written_whole()
    {
        var buffer = new PooledFrameBuffer();
        var data = new string('x', 20_000);

        FrameWriter.WriteCall(buffer, "1", OcppActions.DataTransfer, new DataTransferRequest { VendorId = "v", Data = data });

        Assert.Equal($$"""[2,"1","DataTransfer",{"vendorId":"v","data":"{{data}}"}]""", Encoding.UTF8.GetString(buffer.WrittenMemory.Span));
    }

    [Fact]
    public void After_release_nothing_is_held_and_the_next_frame_starts_afresh()
    {
        var buffer = new PooledFrameBuffer();
        FrameWriter.WriteCall(buffer, "1", OcppActions.Heartbeat, new HeartbeatRequest());

        buffer.Release();

        Assert.True(buffer.WrittenMemory.IsEmpty);
        FrameWriter.WriteCall(buffer, "2", OcppActions.Heartbeat, new HeartbeatRequest());
        Assert.Equal("""[2,"2","Heartbeat",{}]""", Encoding.UTF8.GetString(buffer.WrittenMemory.Span));
        buffer.Release();
    }

    [Fact]
    public void Advancing_past_what_was_reserved_is_refused()
    {
        var buffer = new PooledFrameBuffer();
        var room = buffer.GetMemory(16).Length;

        Assert.Throws<InvalidOperationException>(() => buffer.Advance(room + 1));
        buffer.Release();
    }
}
