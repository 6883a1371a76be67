using BenchmarkDotNet.Attributes;
using Ocpp16.Messages;
using Station.LocalAuthList;

namespace Station.Benchmarks.LocalAuthList;

/// <summary>
/// What the Local Authorization List costs on the authorization path: one lookup in a list of
/// 10,000 entries (the size of LocalAuthListMaxLength), a card on the list in another case than
/// it was sent (idTags are CiString20) and a card not on it; and building the table the lookups
/// read, as the station does at start and after every SendLocalList.
/// </summary>
[MemoryDiagnoser]
public class LocalListLookupBenchmarks
{
    private const int Entries = 10_000;

    private StoredLocalAuthList _stored = null!;
    private LocalAuthListContents _contents = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stored = new StoredLocalAuthList(
            7, [.. Enumerable.Range(0, Entries).Select(i => new LocalAuthListEntry($"CARD-{i:D6}", new IdTagInfo { Status = AuthorizationStatus.Accepted }))]);
        _contents = LocalAuthListContents.From(_stored);
        if (_contents.Entries.Count != Entries || !_contents.Entries.ContainsKey("card-004711") || _contents.Entries.ContainsKey("CARD-999999"))
        {
            throw new InvalidOperationException("the list does not hold what the benchmark expects");
        }
    }

    [Benchmark(Description = "listed card, other case")]
    public IdTagInfo? Listed() => _contents.Entries.TryGetValue("card-004711", out var info) ? info : null;

    [Benchmark(Description = "card not listed")]
    public IdTagInfo? NotListed() => _contents.Entries.TryGetValue("CARD-999999", out var info) ? info : null;

    [Benchmark(Description = "build the table of 10,000")]
    public LocalAuthListContents Build() => LocalAuthListContents.From(_stored);
}
