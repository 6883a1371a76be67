using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace Ocpp16.Tests.Fuzz;

/// <summary>
/// Property tests of the frame decoder and payload binding, through a running <see cref="Ocpp16.Rpc.RpcConnection"/>:
/// 115,100 generated frames per run (a new seed each run; a failure prints its seed and the shrunk
/// frame), each answered exactly as OCPP-J 1.6 §4 requires, with no exception escaping, no handler
/// call for an invalid payload and the connection up afterwards; and answers to our own CALLs,
/// read leniently and strictly.
/// </summary>
public sealed class DecoderPropertyTests(ITestOutputHelper output)
{
    [Fact]
    public Task Generated_calls_of_every_served_action_get_their_callresult_or_the_callerror_of_the_broken_rule() =>
        RunAsync(FrameGen.GeneratedCall, 40_000);

    [Fact]
    public Task Every_schema_variant_of_every_served_request_gets_its_answer() =>
        RunAsync(FrameGen.SampleMutationCall, 15_000);

    [Fact]
    public Task Broken_envelopes_get_the_callerror_when_the_id_is_readable_and_no_answer_otherwise() =>
        RunAsync(FrameGen.Envelope, 25_000);

    [Fact]
    public Task Truncated_frames_are_refused_FormationViolation_once_the_id_is_complete() =>
        RunAsync(FrameGen.Truncated, 10_000);

    [Fact]
    public Task Invalid_utf8_is_refused_FormationViolation_once_the_id_is_complete() =>
        RunAsync(FrameGen.InvalidUtf8, 10_000);

    [Fact]
    public Task Frames_of_hundreds_of_kilobytes_are_decoded_and_answered() =>
        RunAsync(FrameGen.Oversized, 100);

    [Theory]
    [InlineData(false, 10_000)]
    [InlineData(true, 5_000)]
    public async Task Generated_answers_to_our_calls_complete_them_or_fail_them_with_the_code_of_the_broken_rule(bool strictAnswers, long iterations)
    {
        await using var harness = new DecoderHarness(new Ocpp16.Rpc.RpcOptions { StrictAnswers = strictAnswers });
        await FrameGen.Answer.SampleAsync((action, payload) => harness.CheckAnswerAsync(action, payload), writeLine: output.WriteLine, iter: iterations, threads: 1);
        Assert.True(harness.Checked >= iterations, $"only {harness.Checked} of {iterations} answers were checked");
        Assert.True(harness.Refused > iterations / 10, $"only {harness.Refused} answers were refused");
        Assert.Equal(strictAnswers, harness.Tolerated == 0);
    }

    private async Task RunAsync(Gen<FrameCase> gen, long iterations)
    {
        await using var harness = new DecoderHarness();
        await gen.SampleAsync(harness.CheckAsync, writeLine: output.WriteLine, iter: iterations, threads: 1, print: c => c.ToString());
        Assert.True(harness.Checked >= iterations, $"only {harness.Checked} of {iterations} frames were checked");
    }
}
