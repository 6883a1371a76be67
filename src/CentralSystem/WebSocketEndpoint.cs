using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Ocpp16.Transport;

namespace CentralSystem;

/// <summary>
/// The one HTTP endpoint: accepts an OCPP-J WebSocket at <c>{Path}/{chargePointId}</c> with the
/// <c>ocpp1.6</c> subprotocol, and refuses everything else with a status and a log line that say why.
/// </summary>
internal sealed class WebSocketEndpoint(CentralSystemServer server, ILogger logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var options = server.Options;
        var request = context.Request;
        if (!TryReadChargePointId(context, options.Path, out var chargePointId))
        {
            CentralSystemLog.RefusedPath(logger, request.Method, RawTarget(context), options.Path);
            await RefuseAsync(context, StatusCodes.Status404NotFound, $"not an OCPP endpoint: charge points connect to {options.Path}/{{chargePointId}}").ConfigureAwait(false);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            CentralSystemLog.RefusedNotWebSocket(logger, request.Method, chargePointId);
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "an OCPP-J connection is a WebSocket upgrade request").ConfigureAwait(false);
            return;
        }

        // OCPP-J 1.6 §3.1.2 lets a server that does not agree complete the handshake without a
        // subprotocol and close at once; refusing the upgrade with 400 says why in plain text.
        var offered = context.WebSockets.WebSocketRequestedProtocols;
        if (!offered.Contains(OcppWebSocketClient.SubProtocol, StringComparer.Ordinal))
        {
            var offeredText = offered.Count == 0 ? "none" : string.Join(", ", offered);
            CentralSystemLog.RefusedSubprotocol(logger, chargePointId, offeredText);
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"the WebSocket subprotocol {OcppWebSocketClient.SubProtocol} is required; offered: {offeredText}").ConfigureAwait(false);
            return;
        }

        if (server.Tls?.MissingClientCertificate(context) is { } missing)
        {
            Tls.TlsLog.RefusedWithoutClientCertificate(logger, chargePointId, context.Connection.RemoteIpAddress, missing);
            await RefuseAsync(context, StatusCodes.Status403Forbidden, missing).ConfigureAwait(false);
            return;
        }

        // A station at profile 3 authenticates with its client certificate (checked in the handshake) and sends no
        // Basic header; the passwords are for the stations at profiles 1 and 2 beside it.
        if (server.BasicAuthPasswords is { } passwords && context.Connection.ClientCertificate is null
            && CredentialProblem(request, chargePointId, passwords) is { } problem)
        {
            CentralSystemLog.RefusedCredentials(logger, chargePointId, problem);
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"OCPP\"";
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, problem).ConfigureAwait(false);
            return;
        }

        server.Tls?.LogNegotiated(context, chargePointId);
        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = OcppWebSocketClient.SubProtocol,
            KeepAliveInterval = options.PingInterval,
        }).ConfigureAwait(false);
        var handshake = context.Features.Get<Microsoft.AspNetCore.Connections.Features.ITlsHandshakeFeature>();
        var client = context.Connection.ClientCertificate;
        var security = new SessionSecurity
        {
            BasicAuthUser = server.BasicAuthPasswords is null ? null : chargePointId,
            TlsProtocol = handshake?.Protocol,
            CipherSuite = handshake?.NegotiatedCipherSuite,
            ClientCertificateSubject = client?.Subject,
            ClientCertificateSerialNumber = client?.SerialNumber,
        };
        await server.ServeAsync(chargePointId, context.Connection.RemoteIpAddress, socket, security).ConfigureAwait(false);
    }

    // The id is read from the raw request target and unescaped once: the decoded Path keeps %2F
    // escaped, and an id may hold any character the charge point escaped.
    private static bool TryReadChargePointId(HttpContext context, string basePath, [NotNullWhen(true)] out string? chargePointId)
    {
        chargePointId = null;
        var target = RawTarget(context);
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? target : target[..query];
        var prefix = basePath + "/";
        if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var escaped = path[prefix.Length..];
        if (escaped.Length == 0 || escaped.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        chargePointId = Uri.UnescapeDataString(escaped);
        return chargePointId.Length > 0;
    }

    private static string RawTarget(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw && raw[0] == '/'
            ? raw
            : context.Request.Path.ToUriComponent() + context.Request.QueryString;

    // OCPP 1.6 security profiles 1 and 2: HTTP Basic with the charge point id as the user name.
    private static string? CredentialProblem(HttpRequest request, string chargePointId, IReadOnlyDictionary<string, string> passwords)
    {
        if (!passwords.TryGetValue(chargePointId, out var expected))
        {
            return "the charge point id is not known";
        }

        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return "no HTTP Basic credentials";
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return "the HTTP Basic credentials are not base64";
        }

        var separator = credentials.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0 || !string.Equals(credentials[..separator], chargePointId, StringComparison.Ordinal))
        {
            return "the HTTP Basic user name is not the charge point id";
        }

        var given = Encoding.UTF8.GetBytes(credentials[(separator + 1)..]);
        return CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(expected)) ? null : "wrong password";
    }

    private static async Task RefuseAsync(HttpContext context, int statusCode, string reason)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(reason + "\n", context.RequestAborted).ConfigureAwait(false);
    }
}
