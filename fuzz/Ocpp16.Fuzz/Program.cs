using Ocpp16.Fuzz;

// Under afl-fuzz: SharpFuzz's fork server runs the target once per input. Outside it: once, on
// stdin, which replays a finding: dotnet Ocpp16.Fuzz.dll < fuzz/findings/default/crashes/id:...
SharpFuzz.Fuzzer.Run(stream =>
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    FrameDecoderTarget.Decode(copy.ToArray());
});
