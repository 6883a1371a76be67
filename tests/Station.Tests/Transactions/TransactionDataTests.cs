using Ocpp16.Messages;
using Station.Configuration;
using Station.Model;
using Station.Tests.Support;
using Xunit;

namespace Station.Tests.Transactions;

/// <summary>
/// The transactionData of a StopTransaction (StopTxnSampledData): the Transaction.Begin value and
/// the latest ones, at most StopTransactionMaxMeterValues (ORS-8), with bounded memory on long sessions.
/// </summary>
public sealed class TransactionDataTests
{
    // The simulated EV draws 7200 W: 2 Wh every second.
    private static readonly Dictionary<string, string> SampleEnergyEvery10Seconds = new()
    {
        [CoreKeys.StopTxnSampledData] = "Energy.Active.Import.Register",
        [CoreKeys.MeterValueSampleInterval] = "10",
    };

    [Fact]
    [Trait("Cert", "ORS-8")]
    public async Task A_long_transaction_keeps_the_begin_value_and_the_latest_values_up_to_the_limit()
    {
        await using var harness = await SessionHarness.StartAsync(new BlockHarnessOptions { Configuration = SampleEnergyEvery10Seconds });
        var transaction = await harness.StartTransactionAsync(1, "CARD-1");

        await harness.Block.AdvanceAsync(TimeSpan.FromSeconds(95));
        await harness.Block.LockedAsync(() => harness.Transactions.StopAsync(transaction, Reason.Local));

        var stop = await harness.Block.CentralSystem.NextCallOfAsync<StopTransactionRequest>();
        Assert.Equal(190, stop.MeterStop);
        Assert.Equal(
            [(0, ReadingContext.TransactionBegin, "0"), (80, ReadingContext.SamplePeriodic, "160"), (90, ReadingContext.SamplePeriodic, "180"), (95, ReadingContext.TransactionEnd, "190")],
            stop.TransactionData!.Select(v => ((v.Timestamp - transaction.StartedAt).TotalSeconds, v.SampledValue[0].Context!.Value, v.SampledValue[0].Value)));
    }

    [Fact]
    public async Task Memory_for_transactionData_stays_bounded_however_long_the_transaction_runs()
    {
        await using var harness = await SessionHarness.StartAsync(new BlockHarnessOptions { Configuration = SampleEnergyEvery10Seconds });
        var transaction = await harness.StartTransactionAsync(1, "CARD-1");

        await harness.Block.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.InRange(transaction.TransactionData.Count, 2, 8);
        Assert.Equal(ReadingContext.TransactionBegin, transaction.TransactionData[0].SampledValue[0].Context);
        Assert.Equal(transaction.StartedAt.AddMinutes(10), transaction.TransactionData[^1].Timestamp);
    }

    [Fact]
    [Trait("Cert", "ORS-8")]
    public async Task A_transaction_within_the_limit_reports_every_value()
    {
        await using var harness = await SessionHarness.StartAsync(new BlockHarnessOptions { Configuration = SampleEnergyEvery10Seconds });
        var transaction = await harness.StartTransactionAsync(1, "CARD-1");

        await harness.Block.AdvanceAsync(TimeSpan.FromSeconds(25));
        await harness.Block.LockedAsync(() => harness.Transactions.StopAsync(transaction, Reason.Local));

        var stop = await harness.Block.CentralSystem.NextCallOfAsync<StopTransactionRequest>();
        Assert.Equal([0, 10, 20, 25], stop.TransactionData!.Select(v => (v.Timestamp - transaction.StartedAt).TotalSeconds));
    }

    [Fact]
    [Trait("Cert", "ORS-8")]
    public async Task A_model_allowing_two_values_reports_the_begin_and_the_end()
    {
        var model = StationModel.Tsct2007Cp with { StopTransactionMaxMeterValues = 2 };
        await using var harness = await SessionHarness.StartAsync(new BlockHarnessOptions { Model = model, Configuration = SampleEnergyEvery10Seconds });
        var transaction = await harness.StartTransactionAsync(1, "CARD-1");

        await harness.Block.AdvanceAsync(TimeSpan.FromSeconds(45));
        await harness.Block.LockedAsync(() => harness.Transactions.StopAsync(transaction, Reason.Local));

        var stop = await harness.Block.CentralSystem.NextCallOfAsync<StopTransactionRequest>();
        Assert.Equal([ReadingContext.TransactionBegin, ReadingContext.TransactionEnd], stop.TransactionData!.Select(v => v.SampledValue[0].Context!.Value));
    }

    [Fact]
    public async Task Without_StopTxnSampledData_a_StopTransaction_carries_no_transactionData()
    {
        await using var harness = await SessionHarness.StartAsync(new BlockHarnessOptions { Configuration = new Dictionary<string, string> { [CoreKeys.MeterValueSampleInterval] = "10" } });
        var transaction = await harness.StartTransactionAsync(1, "CARD-1");

        await harness.Block.AdvanceAsync(TimeSpan.FromSeconds(30));
        await harness.Block.LockedAsync(() => harness.Transactions.StopAsync(transaction, Reason.Local));

        var stop = await harness.Block.CentralSystem.NextCallOfAsync<StopTransactionRequest>();
        Assert.Null(stop.TransactionData);
        Assert.Equal(60, stop.MeterStop);
    }
}
