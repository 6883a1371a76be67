using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CentralSystem.Api;

/// <summary>Reads query parameters, with a one-line reason for a bad one.</summary>
internal static class QueryValues
{
    /// <summary>A duration in seconds (<c>?timeout=2.5</c>), greater than 0 and at most <paramref name="max"/>.</summary>
    public static bool TryGetSeconds(HttpRequest request, string name, TimeSpan fallback, TimeSpan max, out TimeSpan value, out string? problem)
    {
        (value, problem) = (fallback, null);
        if (!request.Query.TryGetValue(name, out var text))
        {
            return true;
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || seconds > max.TotalSeconds)
        {
            problem = $"{name} '{text}' must be a number of seconds greater than 0 and at most {max.TotalSeconds.ToString(CultureInfo.InvariantCulture)}";
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; null when absent.</summary>
    public static bool TryGetInteger(HttpRequest request, string name, long min, long max, out long? value, out string? problem)
    {
        (value, problem) = (null, null);
        if (!request.Query.TryGetValue(name, out var text))
        {
            return true;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            problem = $"{name} '{text}' must be a whole number from {min} to {max}";
            return false;
        }

        value = number;
        return true;
    }
}
