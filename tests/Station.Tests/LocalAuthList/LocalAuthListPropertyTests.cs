using CsCheck;
using Ocpp16.Messages;
using Station.LocalAuthList;
using Xunit;
using Xunit.Abstractions;

namespace Station.Tests.LocalAuthList;

/// <summary>
/// Any sequence of SendLocalList updates, some of them failing to store, leaves the service (and
/// a service loaded again from its store, as after a restart) exactly where a plain dictionary
/// applying the rules of §5.15 one entry at a time ends up. Replay a failure with
/// <c>CsCheck_Seed=... dotnet test tests/Station.Tests --filter LocalAuthListPropertyTests</c>.
/// </summary>
public sealed class LocalAuthListPropertyTests(ITestOutputHelper output)
{
    private const int SendMax = 5;
    private const int ListMax = 4;

    private static readonly Gen<string> IdTags = Gen.OneOf("A", "a", "B", "b", "C", "card-1", "CARD-1", "D");

    private static readonly Gen<IdTagInfo?> Infos = Gen.Frequency(
        (1, Gen.Const((IdTagInfo?)null)),
        (3, Gen.Select(Gen.Enum<AuthorizationStatus>(), Gen.OneOf<string?>(null, "FLEET"), (status, parent) => (IdTagInfo?)new IdTagInfo { Status = status, ParentIdTag = parent })));

    private static readonly Gen<(SendLocalListRequest Request, bool StoreFails)> Steps =
        Gen.Select(
            Gen.Enum<UpdateType>(),
            Gen.Int[-2, 12],
            Gen.Select(IdTags, Infos, (idTag, info) => new AuthorizationData { IdTag = idTag, IdTagInfo = info }).Array[0, 6],
            Gen.Int[0, 9],
            (type, version, entries, dice) => (
                new SendLocalListRequest { UpdateType = type, ListVersion = version, LocalAuthorizationList = entries.Length == 0 && dice < 5 ? null : entries },
                dice == 0));

    [Fact]
    public async Task Random_updates_give_the_list_a_reference_dictionary_gives_and_a_reload_gives_the_same()
    {
        await using var fixture = new LocalListFixture(SendMax, ListMax);
        Steps.Array[1, 25].Sample(steps => Check(fixture, steps), iter: 500, writeLine: output.WriteLine, print: Print);
    }

    private static void Check(LocalListFixture fixture, (SendLocalListRequest Request, bool StoreFails)[] steps)
    {
        {
            var store = new InMemoryLocalAuthListStore();
            var service = fixture.Service(store);
            var reference = new Reference();
            foreach (var (request, storeFails) in steps)
            {
                store.FailWrites = storeFails;
                var expected = reference.Apply(request, storeFails);
                Assert.Equal(expected, service.Apply(request));
                Assert.Equal(reference.Version, service.ReportedVersion);
                Assert.Equal(reference.Text(), Text(service.Contents));
            }

            store.FailWrites = false;
            var reloaded = fixture.Service(store);
            Assert.Equal((reference.Version, reference.Text()), (reloaded.ReportedVersion, Text(reloaded.Contents)));
        }
    }

    private static string Text(LocalAuthListContents contents) =>
        string.Join(";", contents.Entries.OrderBy(e => e.Key.ToUpperInvariant(), StringComparer.Ordinal).Select(e => $"{e.Key.ToUpperInvariant()}={e.Value.Status}/{e.Value.ParentIdTag}"));

    private static string Print((SendLocalListRequest Request, bool StoreFails)[] steps) =>
        string.Join("\n", steps.Select(s => $"{s.Request.UpdateType} v{s.Request.ListVersion}{(s.StoreFails ? " (store fails)" : "")}: " +
            string.Join(", ", (s.Request.LocalAuthorizationList ?? []).Select(e => $"{e.IdTag}={e.IdTagInfo?.Status.ToString() ?? "-"}"))));

    // The rules read as plainly as possible: one entry at a time into a dictionary.
    private sealed class Reference
    {
        private Dictionary<string, IdTagInfo> _entries = new(StringComparer.OrdinalIgnoreCase);

        public int Version { get; private set; }

        public UpdateStatus Apply(SendLocalListRequest request, bool storeFails)
        {
            var entries = request.LocalAuthorizationList ?? [];
            if (request.UpdateType == UpdateType.Differential && request.ListVersion <= Version)
            {
                return UpdateStatus.VersionMismatch;
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (entries.Count > SendMax || entries.Any(e => !seen.Add(e.IdTag)) || request.ListVersion < 0)
            {
                return UpdateStatus.Failed;
            }

            var next = request.UpdateType == UpdateType.Full
                ? new Dictionary<string, IdTagInfo>(StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, IdTagInfo>(_entries, StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries)
            {
                if (entry.IdTagInfo is null)
                {
                    next.Remove(entry.IdTag);
                }
                else
                {
                    next.Remove(entry.IdTag);
                    next.Add(entry.IdTag, entry.IdTagInfo);
                }
            }

            if (next.Count > ListMax || (next.Count > 0 && request.ListVersion == 0) || storeFails)
            {
                return UpdateStatus.Failed;
            }

            _entries = next;
            Version = next.Count == 0 ? 0 : request.ListVersion;
            return UpdateStatus.Accepted;
        }

        public string Text() =>
            string.Join(";", _entries.OrderBy(e => e.Key.ToUpperInvariant(), StringComparer.Ordinal).Select(e => $"{e.Key.ToUpperInvariant()}={e.Value.Status}/{e.Value.ParentIdTag}"));
    }
}
