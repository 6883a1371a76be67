using System.Net;
using System.Net.WebSockets;
using CentralSystem.Api;
using CentralSystem.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ocpp16.Messages;
using Ocpp16.Transport;

namespace CentralSystem;

/// <summary>
/// The built-in OCPP 1.6J Central System: a Kestrel WebSocket server at
/// <c>{Endpoint}/{chargePointId}</c> with one <see cref="StationSession"/> per connection. It
/// answers every Charge Point → Central System request with a sensible default that a test or
/// tool can override per action, server-wide (<see cref="Handle{TRequest,TResponse}(OcppAction{TRequest,TResponse},Func{StationSession,TRequest,TResponse})"/>)
/// or per session. Async throughout: no thread per connection, no static mutable state.
/// </summary>
public sealed class CentralSystemServer : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly DefaultAnswers _answers;
    private readonly HandlerTable _defaults;
    private readonly HandlerTable _overrides = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly StationRegistry _registry;
    private WebApplication? _app;
    private HttpApi? _httpApi;
    private int _lastTransactionId;
    private int _disposed;

    private CentralSystemServer(CentralSystemOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        Options = options;
        TimeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<CentralSystemServer>();
        _registry = new StationRegistry(_logger, this);
        _answers = new DefaultAnswers(AnswerSettings.From(options), timeProvider, NextTransactionId);
        _defaults = _answers.CreateTable();
        _passwords = options.BasicAuthPasswords is { } passwords ? new(passwords, StringComparer.Ordinal) : null;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string>? _passwords;

    /// <summary>The HTTP Basic passwords in force (those of the options, then those <see cref="SetBasicAuthPassword"/> changed); null: no check.</summary>
    internal IReadOnlyDictionary<string, string>? BasicAuthPasswords => _passwords;

    /// <summary>
    /// Sets the HTTP Basic password of a charge point from now on, as a Central System does once a
    /// ChangeConfiguration of AuthorizationKey was accepted (TC_073). Needs
    /// <see cref="CentralSystemOptions.BasicAuthPasswords"/> set at start.
    /// </summary>
    /// <exception cref="InvalidOperationException">The Central System was started without Basic authentication.</exception>
    public void SetBasicAuthPassword(string chargePointId, string password)
    {
        var passwords = _passwords ?? throw new InvalidOperationException("the Central System checks no HTTP Basic credentials: start it with BasicAuthPasswords");
        passwords[chargePointId] = password;
    }

    /// <summary>A station connected; raised before its first frame is received, so handlers attached here miss nothing.</summary>
    public event EventHandler<StationSession>? StationConnected;

    /// <summary>A station's connection ended.</summary>
    public event EventHandler<StationSession>? StationDisconnected;

    /// <summary>Every frame of every session, in each session's order; the sender is the <see cref="StationSession"/>. Keep handlers fast.</summary>
    public event EventHandler<RecordedFrame>? FrameRecorded;

    /// <summary>The default answers changed (<see cref="SetAnswers"/>); the argument is the new settings.</summary>
    public event EventHandler<AnswerSettings>? AnswersChanged;

    /// <summary>The validated options, with their collections copied at start.</summary>
    public CentralSystemOptions Options { get; }

    /// <summary>The TCP port bound, the chosen one when <see cref="CentralSystemOptions.Port"/> is 0.</summary>
    public int Port { get; private set; }

    /// <summary>
    /// The URL a charge point on this machine uses as its Central System, e.g.
    /// <c>ws://127.0.0.1:PORT/ocpp</c> (the charge point appends its id). A wildcard listen address
    /// is given as loopback.
    /// </summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The connected sessions, one per charge point id.</summary>
    public IReadOnlyCollection<StationSession> Sessions => _registry.Snapshot();

    internal TimeProvider TimeProvider { get; }

    /// <summary>The TLS settings when serving <c>wss://</c>.</summary>
    internal ServerTls? Tls { get; private set; }

    /// <summary>Starts listening; the returned server accepts connections until it is disposed.</summary>
    public static async Task<CentralSystemServer> StartAsync(
        CentralSystemOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        var server = new CentralSystemServer(options.Validate().Frozen(), loggerFactory, timeProvider);
        try
        {
            await server.ListenAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The connected session of <paramref name="chargePointId"/>, if any.</summary>
    public bool TryGetSession(string chargePointId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StationSession? session) =>
        _registry.TryGet(chargePointId, out session);

    /// <summary>The connected session of <paramref name="chargePointId"/>, now or as soon as it connects.</summary>
    public Task<StationSession> WaitForStationAsync(string chargePointId, CancellationToken cancellationToken = default) =>
        _registry.WaitAsync(chargePointId, null, cancellationToken);

    /// <summary>
    /// The first connected session of <paramref name="chargePointId"/> that matches, now or when it
    /// connects; <c>s =&gt; s != previous</c> waits for a reconnect.
    /// </summary>
    public Task<StationSession> WaitForStationAsync(string chargePointId, Func<StationSession, bool> predicate, CancellationToken cancellationToken = default) =>
        _registry.WaitAsync(chargePointId, predicate, cancellationToken);

    /// <summary>Overrides the answer to <paramref name="action"/> for every session without its own override.</summary>
    public void Handle<TRequest, TResponse>(OcppAction<TRequest, TResponse> action, Func<StationSession, TRequest, TResponse> handler)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse =>
        _overrides.Set(action, handler);

    /// <summary>
    /// Overrides the answer with an asynchronous handler; throw <see cref="Ocpp16.Rpc.OcppCallErrorException"/>
    /// to answer with a CALLERROR. It runs on the calling session's receive loop only: a handler
    /// that waits holds up that session, never another.
    /// </summary>
    public void Handle<TRequest, TResponse>(
        OcppAction<TRequest, TResponse> action, Func<StationSession, TRequest, CancellationToken, ValueTask<TResponse>> handler)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse =>
        _overrides.Set(action, handler);

    /// <summary>Removes the server-wide override of <paramref name="action"/>; the default answers again.</summary>
    public void ResetHandler(OcppAction action) => _overrides.Remove(action);

    /// <summary>What the default answers say now; starts from the options (heartbeat interval, denied idTags, parents).</summary>
    public AnswerSettings Answers => _answers.Settings;

    /// <summary>
    /// Changes the default answers for every CALL from now on, on every session; overrides set
    /// with <c>Handle</c> still win. Throws <see cref="ArgumentException"/> for settings that
    /// cannot be answered with, naming the setting.
    /// </summary>
    public void SetAnswers(AnswerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _answers.Settings = settings;
        try
        {
            AnswersChanged?.Invoke(this, _answers.Settings);
        }
        catch (Exception ex)
        {
            CentralSystemLog.AnswersHandlerFailed(_logger, ex);
        }
    }

    /// <summary>The next server-wide transaction id (1, 2, …), for handlers that answer StartTransaction themselves.</summary>
    public int NextTransactionId() => Interlocked.Increment(ref _lastTransactionId);

    /// <summary>Closes every session with a close handshake, then stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _registry.CloseAllAsync().ConfigureAwait(false);
        _httpApi?.Close();
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            CentralSystemLog.Stopped(_logger);
        }

        _stopping.Dispose();
    }

    internal ErasedHandler ResolveHandler(string action) =>
        _overrides.TryGet(action, out var handler) || _defaults.TryGet(action, out handler)
            ? handler
            : throw new InvalidOperationException($"no handler for {action}");

    internal void OnFrameRecorded(StationSession session, RecordedFrame frame) => session.Raise(FrameRecorded, frame);

    internal void OnStationEvent(StationSession session, bool connected)
    {
        try
        {
            (connected ? StationConnected : StationDisconnected)?.Invoke(this, session);
        }
        catch (Exception ex)
        {
            CentralSystemLog.StationHandlerFailed(_logger, session.ChargePointId, ex);
        }
    }

    internal async Task ServeAsync(string chargePointId, IPAddress? remoteAddress, WebSocket socket, SessionSecurity? security = null)
    {
        var transport = new WebSocketTransport(socket, Options.MaxMessageBytes);
        var session = new StationSession(chargePointId, remoteAddress, transport, this, _logger, security);
        if (!_registry.Add(session))
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            return;
        }

        try
        {
            await session.RunAsync(_stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            _registry.Remove(session);
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });

        // An embedded server takes no settings from appsettings.json, ASPNETCORE_URLS or the
        // host's command line: only from CentralSystemOptions.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ForwardingLoggerProvider(_loggerFactory));
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = Options.CloseTimeout);
        Tls = Options.ServerCertificate is null ? null : new ServerTls(Options, _logger);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(Options.ListenAddress, Options.Port, listen =>
            {
                if (Tls is { } tls)
                {
                    listen.UseHttps(tls.HttpsOptions);
                }
            });
        });

        var app = builder.Build();
        _app = app;
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = Options.PingInterval });
        var webSockets = new WebSocketEndpoint(this, _logger);
        if (Options.EnableHttpApi)
        {
            // Created before listening, so it sees every station from its first frame.
            _httpApi = new HttpApi(this, _logger);
            _httpApi.Use(app, webSockets.HandleAsync);
        }
        else
        {
            app.Run(webSockets.HandleAsync);
        }
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(bound).Port;
        Endpoint = new UriBuilder(Options.ServerCertificate is null ? "ws" : "wss", ConnectHost(Options.ListenAddress), Port, Options.Path).Uri;
        CentralSystemLog.Listening(_logger, Endpoint);
        _httpApi?.Listening(new UriBuilder(Options.ServerCertificate is null ? "http" : "https", Endpoint.Host, Port).Uri);
    }

    private static string ConnectHost(IPAddress address) =>
        address.Equals(IPAddress.Any) ? IPAddress.Loopback.ToString()
        : address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback.ToString()
        : address.ToString();
}
