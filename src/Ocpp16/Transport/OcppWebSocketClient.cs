using System.Net.WebSockets;
using System.Text;

namespace Ocpp16.Transport;

/// <summary>Opens the Charge Point side of an OCPP-J connection (OCPP-J 1.6 §3).</summary>
public static class OcppWebSocketClient
{
    /// <summary>The WebSocket subprotocol of OCPP 1.6J.</summary>
    public const string SubProtocol = "ocpp1.6";

    /// <summary>The connection URL: the Central System endpoint plus the URL-encoded charge point id.</summary>
    public static Uri BuildEndpoint(Uri centralSystemUri, string chargePointId)
    {
        var text = centralSystemUri.OriginalString.TrimEnd('/');
        return new Uri($"{text}/{Uri.EscapeDataString(chargePointId)}", UriKind.Absolute);
    }

    /// <summary>
    /// Connects and checks that the server agreed to <c>ocpp1.6</c>; a server that did not is
    /// refused with <see cref="SubprotocolRefusedException"/>.
    /// </summary>
    public static async Task<WebSocketTransport> ConnectAsync(WebSocketClientOptions options, CancellationToken cancellationToken = default)
    {
        var endpoint = BuildEndpoint(options.CentralSystemUri, options.ChargePointId);
        var socket = new ClientWebSocket();
        try
        {
            Configure(socket.Options, options);
            // Real time on purpose: a network safeguard against a silent peer, not behaviour with an interval.
            using var timeout = new CancellationTokenSource(options.ConnectTimeout, TimeProvider.System);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            await socket.ConnectAsync(endpoint, linked.Token).ConfigureAwait(false);
            if (socket.SubProtocol != SubProtocol)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.ProtocolError, "ocpp1.6 required", timeout.Token).ConfigureAwait(false);
                throw new SubprotocolRefusedException(endpoint, socket.SubProtocol);
            }

            return new WebSocketTransport(socket, options.MaxMessageBytes);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void Configure(ClientWebSocketOptions socket, WebSocketClientOptions options)
    {
        socket.AddSubProtocol(SubProtocol);

        // OCPP's WebSocketPingInterval: real Ping frames answered by Pong, and no keep-alive at all when 0.
        socket.KeepAliveInterval = options.PingInterval;
        if (options.PingInterval > TimeSpan.Zero)
        {
            socket.KeepAliveTimeout = options.PingInterval * 2;
        }

        if (options.BasicAuthPassword is { } password)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ChargePointId}:{password}"));
            socket.SetRequestHeader("Authorization", $"Basic {credentials}");
        }

        if (options.ClientCertificates is { } certificates)
        {
            socket.ClientCertificates = certificates;
        }

        if (options.ServerCertificateValidation is { } validation)
        {
            socket.RemoteCertificateValidationCallback = validation;
        }
    }
}
