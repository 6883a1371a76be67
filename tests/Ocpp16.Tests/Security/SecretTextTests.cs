using Ocpp16.Security;
using Xunit;

namespace Ocpp16.Tests.Security;

/// <summary>The one masker of secrets (AuthorizationKey values, PEM private keys) of the station's trace and the Central System's output.</summary>
public sealed class SecretTextTests
{
    private const string Password = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("""[2,"1","ChangeConfiguration",{"key":"AuthorizationKey","value":"0123456789abcdef0123456789abcdef"}]""")]
    [InlineData("""[2,"1","ChangeConfiguration",{"value":"0123456789abcdef0123456789abcdef","key":"AuthorizationKey"}]""")]
    [InlineData("""[2, "1", "ChangeConfiguration", { "key" : "authorizationkey" , "value" : "0123456789abcdef0123456789abcdef" }]""")]
    [InlineData("""[2,"1","ChangeConfiguration",{"key":"Authorization\u004Bey","value":"0123456789abcdef0123456789abcdef"}]""")]
    [InlineData("""[2,"1","Change\u0043onfiguration",{"key":"Authorization\u004bey","value":"0123456789abcdef\u0030123456789abcdef"}]""")]
    [InlineData("""[2,"1","ChangeConfiguration",{"key":"AuthorizationKey","value":"01234567\"89abcdef"}]""")]
    public void The_value_of_a_ChangeConfiguration_of_AuthorizationKey_is_masked_however_it_is_written(string frame)
    {
        var shown = SecretText.Redact(frame);

        Assert.DoesNotContain("0123456789", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("89abcdef", shown, StringComparison.Ordinal);
        Assert.Contains(SecretText.Mask, shown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frame_naming_the_key_that_is_no_JSON_is_hidden_whole()
    {
        var shown = SecretText.Redact("[2,\"1\",\"ChangeConfiguration\",{\"key\":\"AuthorizationKey\" \"value\":\"" + Password + "\"");

        Assert.DoesNotContain(Password, shown, StringComparison.Ordinal);
        Assert.StartsWith("[frame hidden", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n")]
    [InlineData("-----BEGIN EC PRIVATE KEY-----\r\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\r\n-----END EC PRIVATE KEY-----")]
    [InlineData("cut short: -----BEGIN RSA PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg")]
    public void Pem_private_keys_are_masked_even_when_cut_short(string text)
    {
        var shown = SecretText.Redact(text);

        Assert.DoesNotContain("MIGHAgEAMBMGByqGSM49", shown, StringComparison.Ordinal);
        Assert.Contains(SecretText.Mask, shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[2,"1","ChangeConfiguration",{"key":"HeartbeatInterval","value":"300"}]""")]
    [InlineData("""[3,"1",{"configurationKey":[{"key":"AuthorizationKey","readonly":false}]}]""")]
    [InlineData("AuthorizationKey changed; reconnecting with the new password")]
    [InlineData("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")]
    public void Text_without_a_secret_is_left_as_it_is(string text) => Assert.Equal(text, SecretText.Redact(text));

    [Theory]
    [InlineData("AuthorizationKey", "secret", "***")]
    [InlineData("authorizationKEY", "secret", "***")]
    [InlineData("HeartbeatInterval", "300", "300")]
    [InlineData("AuthorizationKey", null, null)]
    public void A_single_value_is_shown_unless_its_key_is_write_only(string key, string? value, string? shown) =>
        Assert.Equal(shown, SecretText.ForLog(key, value));
}
