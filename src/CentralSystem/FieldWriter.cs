using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Ocpp16.Json;

namespace CentralSystem;

/// <summary>Appends <c> name=value</c> pairs to a line, skipping absent values, in OCPP wire spelling.</summary>
internal sealed class FieldWriter
{
    private readonly StringBuilder _line;

    public FieldWriter(StringBuilder line) => _line = line;

    public FieldWriter Add(string name, string? value)
    {
        if (value is not null)
        {
            _line.Append(' ').Append(name).Append('=').Append(Quote(value));
        }

        return this;
    }

    public FieldWriter Add(string name, int? value) =>
        value is { } number ? Add(name, number.ToString(CultureInfo.InvariantCulture)) : this;

    public FieldWriter Add(string name, decimal? value) =>
        value is { } number ? Add(name, number.ToString(CultureInfo.InvariantCulture)) : this;

    public FieldWriter Add(string name, bool? value) =>
        value is { } flag ? Add(name, flag ? "true" : "false") : this;

    public FieldWriter Add(string name, DateTimeOffset? value) =>
        value is { } time ? Add(name, OcppDateTimeConverter.Format(time)) : this;

    public FieldWriter Add(string name, Uri? value) => value is null ? this : Add(name, value.OriginalString);

    public FieldWriter Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(string name, TEnum? value)
        where TEnum : struct, Enum =>
        value is { } member ? Add(name, Wire(member)) : this;

    public FieldWriter Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(string name, TEnum value)
        where TEnum : struct, Enum =>
        Add(name, Wire(value));

    public FieldWriter Add(string name, IReadOnlyCollection<string>? values) =>
        values is null ? this : Add(name, string.Join(',', values));

    /// <summary>Appends a ready-made <c>name=value</c> text.</summary>
    public FieldWriter Raw(string text)
    {
        _line.Append(' ').Append(text);
        return this;
    }

    public static string Wire<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? OcppEnum.WireName(value) : value.ToString();

    // Values with spaces or quotes stay one readable token, and line breaks never break the one line.
    private static string Quote(string value) =>
        value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '=')
            ? value
            : "\"" + MessageFormatter.OneLine(value.Replace("\"", "\\\"", StringComparison.Ordinal)) + "\"";
}
