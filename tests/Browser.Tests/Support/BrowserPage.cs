using System.Text.Json;
using OpenQA.Selenium;
using Xunit.Sdk;

namespace Browser.Tests.Support;

/// <summary>
/// The page open in the browser, as a test uses it. Waits happen in the page itself: a
/// MutationObserver completes the wait when the element appears, so no test polls or sleeps.
/// </summary>
public sealed class BrowserPage(WebDriver driver)
{
    /// <summary>How long any wait for the page lasts; generous for a loaded 2-core machine.</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(20);

    // Completes with true once an element matches the selector (and holds the text, when given;
    // and is rendered, when asked: an option of a closed select never is).
    private const string WaitScript = """
        const [selector, text, visible] = arguments;
        const done = arguments[arguments.length - 1];
        const find = () => [...document.querySelectorAll(selector)]
          .find((e) => (text === null || e.textContent.includes(text)) && (!visible || e.getClientRects().length > 0));
        if (find()) { done(true); return; }
        const observer = new MutationObserver(() => { if (find()) { observer.disconnect(); done(true); } });
        observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
        """;

    /// <summary>Waits until a visible element matches <paramref name="selector"/> and holds <paramref name="text"/>; returns it.</summary>
    public IWebElement WaitFor(string selector, string? text = null) => WaitFor(selector, text, visible: true);

    private IWebElement WaitFor(string selector, string? text, bool visible)
    {
        try
        {
            driver.ExecuteAsyncScript(WaitScript, selector, text!, visible);
        }
        catch (WebDriverTimeoutException)
        {
            var failure = Screenshot("failed-wait");
            throw new XunitException(
                $"no visible '{selector}'{(text is null ? string.Empty : $" holding '{text}'")} within {WaitTimeout.TotalSeconds} s; screenshot {failure}\npage text:\n{Text("body")}");
        }

        // A live page may replace the element between the wait and the look-up (a chart redrawn each second): look again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return driver.FindElements(By.CssSelector(selector))
                    .First(e => (!visible || e.Displayed) && (text is null || e.GetDomProperty("textContent")?.Contains(text, StringComparison.Ordinal) == true));
            }
            catch (Exception ex) when (attempt < 5 && ex is StaleElementReferenceException or InvalidOperationException)
            {
                driver.ExecuteAsyncScript(WaitScript, selector, text!, visible);
            }
        }
    }

    public IReadOnlyList<IWebElement> All(string selector) => driver.FindElements(By.CssSelector(selector));

    public string Text(string selector) => driver.FindElement(By.CssSelector(selector)).Text;

    public void Click(string selector) => driver.FindElement(By.CssSelector(selector)).Click();

    /// <summary>Replaces the text of an input.</summary>
    public void Type(string selector, string text)
    {
        var input = driver.FindElement(By.CssSelector(selector));
        input.Clear();
        input.SendKeys(text);
    }

    /// <summary>Picks the option of a select with <paramref name="value"/>, as a user does.</summary>
    public void Choose(string selectSelector, string value)
    {
        WaitFor($"{selectSelector} option[value=\"{value}\"]", null, visible: false).Click();
    }

    /// <summary>Runs a script in the page and returns what it returns.</summary>
    public object? Script(string script, params object[] arguments) => driver.ExecuteScript(script, arguments);

    /// <summary>Saves the window as <c>TestResults/screenshots/NAME.png</c> and returns the path.</summary>
    public string Screenshot(string name)
    {
        Directory.CreateDirectory(Artifacts.Screenshots);
        var path = Path.Combine(Artifacts.Screenshots, name + ".png");
        driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    /// <summary>The page's own timing: navigation entries, performance marks and every URL it loaded.</summary>
    public PageTimings Timings()
    {
        const string script = """
            const nav = performance.getEntriesByType('navigation')[0];
            const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
            return JSON.stringify({
              domContentLoaded: nav.domContentLoadedEventEnd,
              load: nav.loadEventEnd,
              ready: mark('csms-ready') ?? mark('page-ready'),
              origin: location.origin,
              resources: performance.getEntriesByType('resource').map((r) => r.name),
            });
            """;
        var json = JsonDocument.Parse((string)driver.ExecuteScript(script)!).RootElement;
        return new PageTimings(
            json.GetProperty("domContentLoaded").GetDouble(),
            json.GetProperty("load").GetDouble(),
            json.GetProperty("ready").ValueKind == JsonValueKind.Number ? json.GetProperty("ready").GetDouble() : null,
            json.GetProperty("origin").GetString()!,
            [.. json.GetProperty("resources").EnumerateArray().Select(r => r.GetString()!)]);
    }
}
