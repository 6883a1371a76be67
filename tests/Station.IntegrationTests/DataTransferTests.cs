using Ocpp16.Messages;
using Ocpp16.Testing;
using Station.DataTransfer;
using Station.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Station.IntegrationTests;

public sealed class DataTransferTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Cert", "TC_062_CS")]
    public async Task TC_062_CS_An_unknown_vendor_is_answered_UnknownVendorId()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();

        var answer = await session.CallAsync(new DataTransferRequest { VendorId = "com.example.unknown", MessageId = "Ping", Data = "x" }).OrTimeout();

        Assert.Equal(DataTransferStatus.UnknownVendorId, answer.Status);
    }

    [Fact]
    public async Task A_registered_vendor_handler_answers_its_vendor()
    {
        await using var harness = await StationHarness.StartAsync(new()
        {
            Output = output.WriteLine,
            ConfigureStation = options => options with { DataTransferHandlers = [new EchoVendor()] },
        });
        var session = await harness.BootAsync();

        var answer = await session.CallAsync(new DataTransferRequest { VendorId = "com.example.echo", Data = "hello" }).OrTimeout();

        Assert.Equal(DataTransferStatus.Accepted, answer.Status);
        Assert.Equal("hello", answer.Data);
    }

    [Fact]
    [Trait("Cert", "TC_064_CS")]
    public async Task The_station_sends_a_DataTransfer_of_its_own_and_gets_the_answer()
    {
        await using var harness = await StationHarness.StartAsync(new() { Output = output.WriteLine });
        var session = await harness.BootAsync();

        var answer = await harness.Station.DataTransferAsync(new DataTransferRequest { VendorId = "com.example.station", MessageId = "Hello", Data = "42" }).OrTimeout();

        Assert.Equal(DataTransferStatus.UnknownVendorId, answer.Status);
        var sent = await session.WaitForFirstCallAsync<DataTransferRequest>().OrTimeout();
        Assert.Equal("Hello", sent.MessageId);
    }

    private sealed class EchoVendor : IDataTransferVendorHandler
    {
        public string VendorId => "com.example.echo";

        public ValueTask<DataTransferResponse> HandleAsync(DataTransferRequest request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new DataTransferResponse { Status = DataTransferStatus.Accepted, Data = request.Data });
    }
}
