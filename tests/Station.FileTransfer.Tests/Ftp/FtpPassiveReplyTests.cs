using Station.FileTransfer.Ftp;
using Xunit;

namespace Station.FileTransfer.Tests.Ftp;

public sealed class FtpPassiveReplyTests
{
    [Theory]
    [InlineData("Entering Extended Passive Mode (|||6446|)", 6446)]
    [InlineData("Entering Extended Passive Mode (!!!40001!)", 40001)]
    public void Epsv_gives_the_port_between_its_delimiters(string text, int port) =>
        Assert.Equal(port, FtpPassiveReply.ParseEpsv(new FtpReply(229, [text])));

    [Theory]
    [InlineData("Entering Extended Passive Mode")]
    [InlineData("Entering Extended Passive Mode (|||x|)")]
    [InlineData("Entering Extended Passive Mode (|||70000|)")]
    [InlineData("Entering Extended Passive Mode (||6446|)")]
    public void An_epsv_reply_without_a_port_is_an_error(string text)
    {
        var error = Assert.Throws<FtpException>(() => FtpPassiveReply.ParseEpsv(new FtpReply(229, [text])));
        Assert.Equal(229, error.ReplyCode);
    }

    [Theory]
    [InlineData("Entering Passive Mode (127,0,0,1,156,64)", 40000)]
    [InlineData("Entering Passive Mode 10,1,2,3,4,1", 1025)]
    public void Pasv_gives_p1_times_256_plus_p2(string text, int port) =>
        Assert.Equal(port, FtpPassiveReply.ParsePasv(new FtpReply(227, [text])));

    [Theory]
    [InlineData("Entering Passive Mode (127,0,0,1,300,1)")]
    [InlineData("Entering Passive Mode (127,0,0,1)")]
    [InlineData("Entering Passive Mode (127,0,0,1,0,0)")]
    public void A_pasv_reply_without_a_valid_port_is_an_error(string text) =>
        Assert.Throws<FtpException>(() => FtpPassiveReply.ParsePasv(new FtpReply(227, [text])));
}
