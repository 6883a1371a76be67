using System.Text;
using Ocpp16.Testing;
using Station.FileTransfer.Ftp;
using Xunit;

namespace Station.FileTransfer.Tests.Ftp;

public sealed class FtpReplyReaderTests
{
    [Fact]
    public async Task A_single_line_reply_has_its_code_and_text()
    {
        var reply = await Read("220 Welcome to the server\r\n");

        Assert.Equal(220, reply.Code);
        Assert.Equal(["Welcome to the server"], reply.Lines);
        Assert.Equal("220 Welcome to the server", reply.ToString());
    }

    [Fact]
    public async Task A_multi_line_reply_ends_at_the_same_code_followed_by_a_space()
    {
        var reply = await Read("230-Hello\r\nsecond line\r\n 230 indented, not the end\r\n230-prefixed middle line\r\n230 End\r\n");

        Assert.Equal(230, reply.Code);
        Assert.Equal(["Hello", "second line", " 230 indented, not the end", "prefixed middle line", "End"], reply.Lines);
    }

    [Fact]
    public async Task A_line_with_another_code_does_not_end_a_multi_line_reply()
    {
        var reply = await Read("211-Features:\r\n200 not mine\r\n211 End\r\n");

        Assert.Equal(211, reply.Code);
        Assert.Equal(3, reply.Lines.Count);
    }

    [Fact]
    public async Task A_bare_code_and_bare_line_feeds_are_accepted()
    {
        var reader = Reader("200\n226 Done\n");

        Assert.Equal(200, (await reader.ReadAsync().OrTimeout()).Code);
        Assert.Equal(226, (await reader.ReadAsync().OrTimeout()).Code);
    }

    [Fact]
    public async Task Replies_arriving_one_byte_at_a_time_are_assembled()
    {
        var reader = new FtpReplyReader(new TrickleStream(Encoding.ASCII.GetBytes("150-Opening\r\n150 data connection\r\n226 Transfer complete\r\n")));

        var first = await reader.ReadAsync().OrTimeout();
        var second = await reader.ReadAsync().OrTimeout();

        Assert.Equal((150, 2), (first.Code, first.Lines.Count));
        Assert.Equal(226, second.Code);
    }

    [Theory]
    [InlineData("hello\r\n")]
    [InlineData("22 short\r\n")]
    [InlineData("620 out of range\r\n")]
    [InlineData("220Welcome\r\n")]
    public async Task A_malformed_reply_is_a_protocol_error(string text)
    {
        var error = await Assert.ThrowsAsync<FtpException>(() => Read(text));

        Assert.Null(error.ReplyCode);
        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_closed_inside_a_reply_is_an_error()
    {
        var error = await Assert.ThrowsAsync<FtpException>(() => Read("220-Welcome\r\nand then noth"));

        Assert.Contains("closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endless_line_is_refused()
    {
        var error = await Assert.ThrowsAsync<FtpException>(() => Read("220 " + new string('x', FtpReplyReader.MaxLineBytes) + "\r\n"));

        Assert.Contains("longer than", error.Message, StringComparison.Ordinal);
    }

    private static Task<FtpReply> Read(string text) => Reader(text).ReadAsync().OrTimeout();

    private static FtpReplyReader Reader(string text) => new(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private sealed class TrickleStream(byte[] content) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
