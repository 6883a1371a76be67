using System.Globalization;
using Microsoft.Extensions.Logging;
using Ocpp16.Transport;
using Station.Configuration;
using Station.Connection;
using Station.Runtime;
using Station.Security.Certificates;

namespace Station.Security.Connection;

/// <summary>
/// The security profiles at run time (security whitepaper, secure connection setup): what each
/// connection attempt carries, ChangeConfiguration of SecurityProfile (only upwards, reconnect, fall
/// back to the previous profile when the new one cannot connect) and of AuthorizationKey (reconnect
/// with the new password), and the security events of refused connections. The trial of a new
/// profile (the one to fall back to, the failed attempts) is stored, so it survives a kill -9.
/// </summary>
internal sealed class ConnectionSecurity : IConnectionSecurity
{
    /// <summary>Failed attempts at a new profile before the station falls back to the previous one.</summary>
    public const int FallbackAfterFailedAttempts = 3;

    // What a certificate that passes path validation can still get wrong: whom it identifies.
    private const CertificateProblems IdentityProblems = CertificateProblems.HostNameMismatch | CertificateProblems.NotPresented;

    private readonly Lock _gate = new();
    private readonly ConfigurationService _configuration;
    private readonly CertificateService _certificates;
    private readonly CentralSystemLink _link;
    private readonly StationRuntime _runtime;
    private readonly Uri _centralSystemUri;
    private readonly ILogger _logger;
    private readonly Func<ISecurityEvents?> _events;
    private readonly ISecurityProfileStore _store;
    private int _profile;
    private int? _fallback;
    private bool _fallingBack;
    private int _failedAtNewProfile;
    private string? _lastRefusal;

    public ConnectionSecurity(
        ConfigurationService configuration,
        CertificateService certificates,
        CentralSystemLink link,
        StationRuntime runtime,
        Uri centralSystemUri,
        ILogger logger,
        Func<ISecurityEvents?> events,
        ISecurityProfileStore store)
    {
        _configuration = configuration;
        _certificates = certificates;
        _link = link;
        _runtime = runtime;
        _centralSystemUri = centralSystemUri;
        _logger = logger;
        _events = events;
        _store = store;
        _profile = configuration.GetInt(SecurityKeys.SecurityProfile);
        ResumeTrial();
        configuration.AddGuard(SecurityKeys.SecurityProfile, RefuseProfile, AfterProfileChangeAsync);
        configuration.AddGuard(SecurityKeys.AuthorizationKey, static value => value.Length == 0 ? "an empty password cannot be set" : null, AfterKeyChangeAsync);
        configuration.Changed += OnChanged;
        certificates.ChargePointCertificateReplaced += OnCertificateReplaced;
    }

    private bool IsSecureUrl => string.Equals(_centralSystemUri.Scheme, "wss", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="profile"/> cannot work with this URL and these certificates, or null (the start-up check of <c>run</c> as well).</summary>
    public string? Unfit(int profile)
    {
        if (profile >= 2 && !IsSecureUrl)
        {
            return $"security profile {profile} needs a wss:// Central System URL, and it is {_centralSystemUri.Scheme}://";
        }

        if (profile >= 2 && _certificates.CentralSystemRoots().Count == 0)
        {
            return $"security profile {profile} needs an installed CentralSystemRootCertificate";
        }

        if (profile == 3 && _certificates.ClientCertificate() is null)
        {
            return "security profile 3 needs a charge point certificate";
        }

        return null;
    }

    public WebSocketClientOptions Apply(WebSocketClientOptions options)
    {
        var profile = _configuration.GetInt(SecurityKeys.SecurityProfile);
        if (Unfit(profile) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        if (options.IsSecure && options.ServerCertificateValidation is null && _certificates.CentralSystemRoots() is { Count: > 0 } roots)
        {
            // Only the installed CentralSystemRootCertificates are trusted (profiles 2 and 3; 0 and 1 over wss:// too, when there are any).
            options = options with { TrustedRootCertificates = roots };
        }

        if (profile is 1 or 2 && _configuration.Get(SecurityKeys.AuthorizationKey) is { Length: > 0 } key)
        {
            options = options with { BasicAuthPassword = BasicAuthPassword.FromString(key) };
        }

        if (profile == 3 && _certificates.ClientCertificate() is { } client)
        {
            options = options with { ClientCertificate = client.Certificate, ClientCertificateChain = client.Chain.Count > 0 ? client.Chain : null };
        }

        return options;
    }

    public void Connected()
    {
        int profile;
        lock (_gate)
        {
            profile = _profile;
            _lastRefusal = null;
            _failedAtNewProfile = 0;
            if (_fallback is null)
            {
                return;
            }

            _fallback = null;
            _store.Save(null);
        }

        SecurityProfileLog.ProfileConfirmed(_logger, profile);
    }

    public void ConnectFailed(Exception failure)
    {
        var profile = _configuration.GetInt(SecurityKeys.SecurityProfile);
        if (EventOf(failure, profile) is { } type)
        {
            bool first;
            lock (_gate)
            {
                first = _lastRefusal != type;
                _lastRefusal = type;
            }

            // One event per kind of refusal until a connection succeeds: a back-off loop must not flood the security log.
            SecurityProfileLog.Refused(_logger, profile, type, failure.Message);
            if (first)
            {
                Report(type, failure.Message);
            }
        }

        int? previous = null;
        int attempts;
        lock (_gate)
        {
            attempts = ++_failedAtNewProfile;
            if (_fallback is { } fallback)
            {
                // Counted durably: a station that restarts (or is killed) during the trial does not start it over.
                _store.Save(new SecurityProfileTrial(_profile, fallback, attempts));
                if (attempts >= FallbackAfterFailedAttempts && !_fallingBack)
                {
                    previous = fallback;
                    _fallingBack = true;
                }
            }
        }

        if (previous is { } back)
        {
            SecurityProfileLog.FallingBack(_logger, profile, attempts, back);
            _runtime.RunLocked("fall back to the previous security profile", _ =>
            {
                _configuration.SetFromStation(SecurityKeys.SecurityProfile, back.ToString(CultureInfo.InvariantCulture));
                Report(SecurityEventTypes.ReconfigurationOfSecurityParameters, $"SecurityProfile {profile} could not connect; back to {back}");
                return Task.CompletedTask;
            });
        }
    }

    // Read from the TLS library's own message (the innermost exception): the transport's hint after it
    // ("TLS 1.2 and 1.3 with AEAD cipher suites only") names ciphers whatever the cause was.
    private static string? EventOf(Exception failure, int profile)
    {
        switch (failure)
        {
            case AuthenticationRefusedException:
                return SecurityEventTypes.FailedToAuthenticateAtCentralSystem;
            // One event per refusal, by what failed. The certificate itself fails path validation
            // (untrusted, expired, not yet valid, revoked, wrong usage): InvalidCentralSystemCertificate.
            // A certificate that passes it but names another host, or none at all: the certificate is
            // sound, the Central System just did not prove it is the one dialled, so the whitepaper's
            // "credentials of the Central System rejected by the Charge Point", CentralSystemFailedToAuthenticate.
            case ServerCertificateRejectedException { Problems: var problems } when (problems & ~IdentityProblems) == 0:
                return SecurityEventTypes.CentralSystemFailedToAuthenticate;
            case ServerCertificateRejectedException:
                return SecurityEventTypes.InvalidCentralSystemCertificate;
            case TlsHandshakeException:
                var detail = Innermost(failure).Message;
                if (detail.Contains("protocol version", StringComparison.OrdinalIgnoreCase) || detail.Contains("unsupported protocol", StringComparison.OrdinalIgnoreCase)
                    || detail.Contains("wrong version number", StringComparison.OrdinalIgnoreCase))
                {
                    return SecurityEventTypes.InvalidTlsVersion;
                }

                if (detail.Contains("cipher", StringComparison.OrdinalIgnoreCase))
                {
                    return SecurityEventTypes.InvalidTlsCipherSuite;
                }

                return profile == 3 ? SecurityEventTypes.FailedToAuthenticateAtCentralSystem : SecurityEventTypes.InvalidTlsVersion;
            default:
                return null;
        }
    }

    private static Exception Innermost(Exception failure)
    {
        while (failure.InnerException is { } inner)
        {
            failure = inner;
        }

        return failure;
    }

    private string? RefuseProfile(string value)
    {
        var profile = int.Parse(value, CultureInfo.InvariantCulture);
        var current = _configuration.GetInt(SecurityKeys.SecurityProfile);
        var refusal = profile <= current ? $"only a higher security profile is accepted (now {current})" : Unfit(profile);
        if (refusal is null)
        {
            // Stored before the new value is: killed in between, the trial is of a profile the station does not have, and is dropped at start.
            _store.Save(new SecurityProfileTrial(profile, current, 0));
        }

        return refusal;
    }

    // A trial stored before a restart goes on where it stopped; one that does not match the configured
    // profile (killed between storing it and the change, or after falling back) is over.
    private void ResumeTrial()
    {
        if (_store.Load() is not { } trial)
        {
            return;
        }

        if (trial.Profile != _profile || trial.Previous >= trial.Profile)
        {
            _store.Save(null);
            return;
        }

        _fallback = trial.Previous;
        _failedAtNewProfile = trial.FailedAttempts;
        SecurityProfileLog.TrialResumed(_logger, trial.Profile, trial.FailedAttempts, trial.Previous);
    }

    private void OnChanged(string key)
    {
        if (key != SecurityKeys.SecurityProfile)
        {
            return;
        }

        lock (_gate)
        {
            var profile = _configuration.GetInt(SecurityKeys.SecurityProfile);

            // A fall-back ends the trial; a change by the Central System starts one, with the old profile to go back to.
            _fallback = _fallingBack ? null : _profile;
            _store.Save(_fallback is { } previous ? new SecurityProfileTrial(profile, previous, 0) : null);
            _fallingBack = false;
            _failedAtNewProfile = 0;
            _profile = profile;
        }
    }

    private async Task AfterProfileChangeAsync(CancellationToken cancellationToken)
    {
        int profile;
        int previous;
        lock (_gate)
        {
            profile = _profile;
            previous = _fallback ?? profile;
        }

        SecurityProfileLog.ProfileChanged(_logger, profile, previous);
        Report(SecurityEventTypes.ReconfigurationOfSecurityParameters, $"SecurityProfile {previous} -> {profile}");
        await _link.DisconnectAsync($"security profile changed to {profile}", cancellationToken).ConfigureAwait(false);
    }

    private async Task AfterKeyChangeAsync(CancellationToken cancellationToken)
    {
        Report(SecurityEventTypes.ReconfigurationOfSecurityParameters, "AuthorizationKey changed");
        if (_configuration.GetInt(SecurityKeys.SecurityProfile) is 1 or 2)
        {
            SecurityProfileLog.KeyChanged(_logger);
            await _link.DisconnectAsync("AuthorizationKey changed", cancellationToken).ConfigureAwait(false);
        }
    }

    private void OnCertificateReplaced()
    {
        if (_configuration.GetInt(SecurityKeys.SecurityProfile) == 3)
        {
            SecurityProfileLog.CertificateReplaced(_logger);
            _runtime.Run("reconnect with the new charge point certificate", cancellationToken => _link.DisconnectAsync("charge point certificate replaced", cancellationToken));
        }
    }

    private void Report(string type, string techInfo) => _events()?.Report(type, techInfo.Length > 255 ? techInfo[..255] : techInfo);
}
