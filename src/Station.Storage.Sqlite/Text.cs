using System.Globalization;

namespace Station.Storage.Sqlite;

/// <summary>How values are written as SQLite text: dates round-trip with their offset.</summary>
internal static class Text
{
    public static string Date(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Date(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
