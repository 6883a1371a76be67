using Station.FileTransfer.Ftp;
using Xunit;

namespace Station.FileTransfer.Tests.Ftp;

public sealed class FtpLocationTests
{
    [Fact]
    public void Without_user_info_the_login_is_anonymous_on_port_21()
    {
        var location = FtpLocation.Parse(new Uri("ftp://files.example.com/firmware/fw-2.0.bin"));

        Assert.Equal(new FtpLocation("files.example.com", 21, FtpLocation.AnonymousUser, FtpLocation.AnonymousPassword, "firmware/fw-2.0.bin"), location);
    }

    [Fact]
    public void User_and_password_are_percent_decoded()
    {
        var location = FtpLocation.Parse(new Uri("ftp://op%40csms:p%3Ass%2Fw@127.0.0.1:2121/a%20b/fw.bin"));

        Assert.Equal("op@csms", location.User);
        Assert.Equal("p:ss/w", location.Password);
        Assert.Equal(2121, location.Port);
        Assert.Equal("a b/fw.bin", location.Path);
    }

    [Fact]
    public void A_user_without_password_sends_an_empty_one() =>
        Assert.Equal(string.Empty, FtpLocation.Parse(new Uri("ftp://ocpp@127.0.0.1/x")).Password);

    [Fact]
    public void The_type_parameter_of_rfc_1738_is_not_part_of_the_path() =>
        Assert.Equal("fw.bin", FtpLocation.Parse(new Uri("ftp://127.0.0.1/fw.bin;type=i")).Path);

    [Fact]
    public void An_encoded_leading_slash_makes_the_path_absolute() =>
        Assert.Equal("/srv/fw.bin", FtpLocation.Parse(new Uri("ftp://127.0.0.1/%2Fsrv/fw.bin")).Path);

    [Theory]
    [InlineData("ftp://127.0.0.1/fw.bin%0D%0ADELE%20x")]
    [InlineData("ftp://user%0A:pw@127.0.0.1/fw.bin")]
    public void Line_breaks_that_would_inject_commands_are_refused(string url) =>
        Assert.Throws<FileTransferException>(() => FtpLocation.Parse(new Uri(url)));

    [Fact]
    public void Another_scheme_is_refused_without_showing_the_password()
    {
        var error = Assert.Throws<FileTransferException>(() => FtpLocation.Parse(new Uri("http://user:secret@127.0.0.1/x")));

        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/", "diag.zip")]
    [InlineData("ftp://127.0.0.1/logs", "logs/diag.zip")]
    [InlineData("ftp://127.0.0.1/logs/", "logs/diag.zip")]
    public void An_upload_goes_into_the_directory_the_location_names(string url, string path) =>
        Assert.Equal(path, FtpLocation.Parse(new Uri(url)).PathOf("diag.zip"));
}
