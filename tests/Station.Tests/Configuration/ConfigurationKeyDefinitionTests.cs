using Ocpp16.Messages;
using Station.Configuration;
using Xunit;

namespace Station.Tests.Configuration;

/// <summary><see cref="ConfigurationKeyDefinition.Normalize"/>: the single check of every configuration value.</summary>
public sealed class ConfigurationKeyDefinitionTests
{
    [Theory]
    [InlineData("true", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("True", "true")]
    [InlineData(" tRuE ", "true")]
    [InlineData("false", "false")]
    [InlineData("FALSE", "false")]
    [InlineData("False ", "false")]
    public void Booleans_in_any_case_become_canonical_lowercase(string value, string canonical)
    {
        Assert.Equal(canonical, Key(ConfigurationValueType.Boolean).Normalize(value, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("")]
    [InlineData("truee")]
    public void Anything_else_is_not_a_boolean(string value)
    {
        Assert.Null(Key(ConfigurationValueType.Boolean).Normalize(value, out var error));
        Assert.Equal($"'{value}' is not true or false", error);
    }

    [Theory]
    [InlineData("10", "10")]
    [InlineData("60", "60")]
    [InlineData(" 42 ", "42")]
    [InlineData("+30", "30")]
    [InlineData("015", "15")]
    public void Integers_within_the_range_become_canonical(string value, string canonical)
    {
        var key = Key(ConfigurationValueType.Integer) with { Min = 10, Max = 60 };

        Assert.Equal(canonical, key.Normalize(value, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("9", "9 is outside 10..60")]
    [InlineData("61", "61 is outside 10..60")]
    [InlineData("-10", "-10 is outside 10..60")]
    [InlineData("0", "0 is outside 10..60")]
    public void Integers_outside_the_range_are_refused_with_the_range(string value, string reason)
    {
        var key = Key(ConfigurationValueType.Integer) with { Min = 10, Max = 60 };

        Assert.Null(key.Normalize(value, out var error));
        Assert.Equal(reason, error);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("ten")]
    [InlineData("")]
    [InlineData("0x10")]
    [InlineData("1 000")]
    [InlineData("99999999999")]
    public void Text_that_is_not_a_whole_number_is_refused(string value)
    {
        Assert.Null(Key(ConfigurationValueType.Integer).Normalize(value, out var error));
        Assert.Equal($"'{value}' is not a whole number", error);
    }

    [Fact]
    public void Zero_is_accepted_below_the_range_when_it_turns_the_feature_off()
    {
        var key = Key(ConfigurationValueType.Integer) with { Min = 10, Max = 60, ZeroTurnsOff = true };

        Assert.Equal("0", key.Normalize("0", out var error));
        Assert.Null(error);
        Assert.Null(key.Normalize("5", out error));
        Assert.Equal("5 is outside 0 (off) or 10..60", error);
        Assert.Equal("0 (off) or 10..60", key.Range);
    }

    [Fact]
    public void Without_bounds_any_int_is_accepted()
    {
        var key = Key(ConfigurationValueType.Integer);

        Assert.Equal("-2147483648", key.Normalize("-2147483648", out _));
        Assert.Equal("2147483647", key.Normalize("2147483647", out _));
    }

    [Theory]
    [InlineData("A,B", "A,B")]
    [InlineData(" A , B ", "A,B")]
    [InlineData("B,A", "B,A")]
    [InlineData("", "")]
    [InlineData(",,", "")]
    [InlineData("A,,C", "A,C")]
    public void Lists_are_trimmed_keep_their_order_and_drop_empty_items(string value, string canonical)
    {
        var key = Key(ConfigurationValueType.List) with { AllowedItems = new HashSet<string>(["A", "B", "C"], StringComparer.Ordinal) };

        Assert.Equal(canonical, key.Normalize(value, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void A_list_item_outside_the_allowed_items_is_refused_naming_the_supported_ones()
    {
        var key = Key(ConfigurationValueType.List) with { AllowedItems = new HashSet<string>(["A", "B"], StringComparer.Ordinal) };

        Assert.Null(key.Normalize("A,X", out var error));
        Assert.StartsWith("'X' is not supported (supported: ", error, StringComparison.Ordinal);
        Assert.Contains("A", error, StringComparison.Ordinal);
        Assert.Contains("B", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowed_items_compare_exactly()
    {
        var key = Key(ConfigurationValueType.List) with { AllowedItems = new HashSet<string>(["Voltage"], StringComparer.Ordinal) };

        Assert.Null(key.Normalize("voltage", out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void A_list_longer_than_MaxItems_is_refused()
    {
        var key = Key(ConfigurationValueType.List) with { MaxItems = 2 };

        Assert.Equal("A,B", key.Normalize("A,B", out _));
        Assert.Null(key.Normalize("A,B,C", out var error));
        Assert.Equal("3 items where at most 2 are allowed", error);
    }

    [Fact]
    public void Empty_items_do_not_count_towards_MaxItems()
    {
        var key = Key(ConfigurationValueType.List) with { MaxItems = 2 };

        Assert.Equal("A,B", key.Normalize("A,,B,", out var error));
        Assert.Null(error);
    }

    [Fact]
    public void A_list_naming_an_item_twice_is_refused()
    {
        var key = Key(ConfigurationValueType.List);

        Assert.Null(key.Normalize("A,B,A", out var error));
        Assert.Equal("'A,B,A' lists an item twice", error);
    }

    [Fact]
    public void The_item_rule_refuses_with_its_own_reason()
    {
        var key = Key(ConfigurationValueType.List) with { ItemRule = item => item.StartsWith('x') ? $"{item} starts with x" : null };

        Assert.Equal("a,b", key.Normalize("a,b", out _));
        Assert.Null(key.Normalize("a,xb", out var error));
        Assert.Equal("xb starts with x", error);
    }

    [Fact]
    public void Text_is_taken_as_it_is()
    {
        Assert.Equal("  Any text, even , commas ", Key(ConfigurationValueType.Text).Normalize("  Any text, even , commas ", out var error));
        Assert.Null(error);
    }

    [Fact]
    public void The_range_of_an_integer_key_reads_min_to_max() =>
        Assert.Equal("10..60", (Key(ConfigurationValueType.Integer) with { Min = 10, Max = 60 }).Range);

    private static ConfigurationKeyDefinition Key(ConfigurationValueType type) => new()
    {
        Name = "TestKey",
        Type = type,
        Profile = FeatureProfile.Core,
        DefaultValue = string.Empty,
        Description = "a key under test",
    };
}
