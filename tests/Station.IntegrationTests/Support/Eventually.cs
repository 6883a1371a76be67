using Ocpp16.Testing;

namespace Station.IntegrationTests.Support;

/// <summary>For state that raises no event: checks a condition until it holds, within the test timeout.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(TestTimeouts.Default.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (!condition())
        {
            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {TestTimeouts.Default}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
        }
    }
}
