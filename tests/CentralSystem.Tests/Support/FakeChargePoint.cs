using Microsoft.Extensions.Logging.Abstractions;
using Ocpp16.Messages;
using Ocpp16.Rpc;
using Ocpp16.Transport;

namespace CentralSystem.Tests.Support;

/// <summary>
/// The smallest charge point that speaks OCPP-J: a ClientWebSocket, the library's transport and
/// RpcConnection, and a router the test fills with answers to the Central System's CALLs.
/// </summary>
public sealed class FakeChargePoint : IAsyncDisposable
{
    private readonly RpcConnection _connection;
    private readonly IOcppTransport _transport;
    private bool _disposed;

    private FakeChargePoint(string chargePointId, IOcppTransport transport, RpcConnection connection, CallRouter router)
    {
        _transport = transport;
        ChargePointId = chargePointId;
        _connection = connection;
        Router = router;
        Running = connection.RunAsync();
    }

    public string ChargePointId { get; }

    public CallRouter Router { get; }

    /// <summary>Completes when the connection has closed, whoever closed it.</summary>
    public Task Running { get; }

    public bool IsOpen => _connection.IsOpen;

    public static async Task<FakeChargePoint> ConnectAsync(Uri centralSystem, string chargePointId, CallRouter? router = null, string? password = null)
    {
        var options = new WebSocketClientOptions
        {
            CentralSystemUri = centralSystem,
            ChargePointId = chargePointId,
            BasicAuthPassword = password is null ? null : BasicAuthPassword.FromString(password),
        };
        var transport = await OcppWebSocketClient.ConnectAsync(options).Bounded();
        router ??= new CallRouter();
        var connection = new RpcConnection(transport, router, new RpcOptions(), TimeProvider.System, NullLogger.Instance);
        return new FakeChargePoint(chargePointId, transport, connection, router);
    }

    public Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request)
        where TResponse : class, IOcppResponse =>
        _connection.CallAsync(request).Bounded();

    public Task<IOcppResponse> CallAsync(OcppAction action, IOcppRequest request) => _connection.CallAsync(action, request).Bounded();

    /// <summary>Sends text as it is, for malformed-frame tests of the server.</summary>
    public Task SendRawAsync(string frameText) => _transport.SendAsync(System.Text.Encoding.UTF8.GetBytes(frameText)).AsTask().Bounded();

    public Task<BootNotificationResponse> BootAsync() =>
        CallAsync(new BootNotificationRequest { ChargePointVendor = "TaeSeongConTech", ChargePointModel = "TSCT-2007CP" });

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_connection.IsOpen)
        {
            await _connection.CloseAsync("test over").Bounded();
        }

        await Running.Bounded();
        await _connection.DisposeAsync();
    }
}
