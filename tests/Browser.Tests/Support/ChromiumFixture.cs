using System.Drawing;
using Xunit;

namespace Browser.Tests.Support;

/// <summary>
/// One headless Chromium for a test class. Where it cannot run, its tests are skipped, unless
/// <see cref="HeadlessChromium.RequireVariable"/> is 1 (as in CI): then they fail.
/// </summary>
public sealed class ChromiumFixture : IDisposable
{
    /// <summary>The window, and so every screenshot: wide enough for the two-column layout.</summary>
    public static readonly Size Window = new(1440, 1100);

    private readonly HeadlessChromium? _browser;
    private readonly string? _unavailable;

    public ChromiumFixture()
    {
        _unavailable = HeadlessChromium.Unavailable();
        if (_unavailable is null)
        {
            _browser = HeadlessChromium.Start(Window);
        }
        else if (HeadlessChromium.Required)
        {
            throw new InvalidOperationException($"{HeadlessChromium.RequireVariable}=1 but {_unavailable}");
        }
    }

    /// <summary>The browser, or a skip with the reason it cannot run here.</summary>
    public HeadlessChromium Browser
    {
        get
        {
            Skip.If(_browser is null, _unavailable);
            return _browser!;
        }
    }

    public void Dispose() => _browser?.Dispose();
}
