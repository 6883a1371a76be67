using System.Drawing;
using Ocpp16.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Browser.Tests.Support;

/// <summary>
/// Debian's <c>chromium</c>, headless, driven through its <c>chromedriver</c> by Selenium, in a
/// fresh profile. The flags keep it from reaching for the network (updates, sync, QUIC), which
/// this machine does not have: without them Chromium stalls on those connections.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    /// <summary>Set to 1 (CI does) to make a missing browser fail the tests instead of skipping them.</summary>
    public const string RequireVariable = "OCPP_REQUIRE_BROWSER";

    private static readonly string[] Flags =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--force-device-scale-factor=1",
        "--lang=en-US",
    ];

    private readonly ChromeDriverService _service;
    private readonly TempDirectory _profile;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, TempDirectory profile)
    {
        _service = service;
        Driver = driver;
        _profile = profile;
    }

    /// <summary>The browser binary; <c>OCPP_CHROMIUM</c> overrides it.</summary>
    public static string BrowserPath => Environment.GetEnvironmentVariable("OCPP_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>The driver binary; <c>OCPP_CHROMEDRIVER</c> overrides it.</summary>
    public static string DriverPath => Environment.GetEnvironmentVariable("OCPP_CHROMEDRIVER") ?? "/usr/bin/chromedriver";

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Why the browser cannot run here, or null when it can.</summary>
    public static string? Unavailable() =>
        !File.Exists(BrowserPath) ? $"{BrowserPath} is missing (scripts/install-browser.sh installs chromium and chromium-driver)"
        : !File.Exists(DriverPath) ? $"{DriverPath} is missing (scripts/install-browser.sh installs chromium-driver)"
        : null;

    public WebDriver Driver { get; }

    /// <summary>Starts the browser with a window of <paramref name="window"/> pixels (the size of every screenshot).</summary>
    public static HeadlessChromium Start(Size window)
    {
        var profile = new TempDirectory();
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments(Flags);
        options.AddArgument($"--user-data-dir={profile.Path}");
        options.AddArgument($"--window-size={window.Width},{window.Height}");
        try
        {
            var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
            driver.Manage().Timeouts().AsynchronousJavaScript = BrowserPage.WaitTimeout;
            return new HeadlessChromium(service, driver, profile);
        }
        catch
        {
            service.Dispose();
            profile.Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="url"/> in the browser's window.</summary>
    public BrowserPage Open(Uri url)
    {
        Driver.Navigate().GoToUrl(url);
        return new BrowserPage(Driver);
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        _service.Dispose();
        _profile.Dispose();
    }
}
