using Annuaire.Content.Diagnostics;
using Annuaire.Content.Referentials;
using Annuaire.Search.Indexing;
using Annuaire.Search.Querying;
using static Annuaire.Tests.Shared.FileDamage;

namespace Annuaire.Search.Tests.Indexing;

/// <summary>The published index versions replicas serve: publication, rollback, and every way a version can be unusable.</summary>
public sealed class IndexVersionStoreTests : IDisposable
{
    private static readonly SearchRequest Rsa = new() { Text = "RSA", Territoire = "45" };

    private readonly EngineFixture _fixture = new();
    private readonly IndexVersionStore _store = new(System.IO.Directory.CreateTempSubdirectory("annuaire-versions-").FullName);

    public void Dispose()
    {
        _fixture.Dispose();
        System.IO.Directory.Delete(_store.Root, recursive: true);
    }

    [Fact]
    public void Publish_ThenOpen_ServesSameResultsWithItsOwnReferentials()
    {
        var published = _store.Publish(_fixture.Catalog, At(0), keep: 3);

        var version = _store.Open(_store.ReadManifest());
        using var replica = new OfferSearchEngine(FixedClock.Default);
        var status = replica.LoadIndex(version.IndexPath, ReferentialLoader.Load(version.Folder, new List<Diagnostic>()));

        Assert.False(published.Reused);
        Assert.Equal(published.Version.Id, version.Id);
        Assert.Equal("20261122-090000-" + _fixture.Catalog.Fingerprint[..12], version.Id);
        Assert.Equal(_fixture.Catalog.Offers.Count, version.Offers);
        Assert.Equal(_fixture.Catalog.Fingerprint, status.Fingerprint);
        Assert.Equal(Ids(_fixture.Engine.Search(Rsa)), Ids(replica.Search(Rsa)));
        Assert.NotEmpty(Ids(replica.Search(Rsa)));
    }

    [Fact]
    public void Publish_WhenSameContentAlreadyDesignated_BuildsNothing()
    {
        var first = _store.Publish(_fixture.Catalog, At(0), keep: 3);

        var second = _store.Publish(_fixture.Catalog, At(60), keep: 3);

        Assert.True(second.Reused);
        Assert.Equal(first.Version.Id, second.Version.Id);
        Assert.Equal([first.Version.Id], _store.List());
    }

    [Fact]
    public void Publish_WhenContentChanges_DesignatesTheNewVersionAndKeepsTheNewest()
    {
        var ids = Enumerable.Range(1, 4).Select(i => _store.Publish(Changed(i), At(i), keep: 2).Version.Id).ToList();

        Assert.Equal(ids[3], _store.ReadManifest());
        Assert.Equal([ids[3], ids[2]], _store.List());
    }

    [Fact]
    public void Activate_WhenOlderVersion_DesignatesIt()
    {
        var old = _store.Publish(Changed(1), At(1), keep: 3).Version.Id;
        _store.Publish(Changed(2), At(2), keep: 3);

        _store.Activate(old, At(3));

        Assert.Equal(old, _store.ReadManifest());
    }

    [Fact]
    public void Activate_WhenVersionDamaged_RefusesAndKeepsTheManifest()
    {
        var old = _store.Publish(Changed(1), At(1), keep: 3).Version;
        var current = _store.Publish(Changed(2), At(2), keep: 3).Version.Id;
        File.Delete(Path.Combine(old.Folder, IndexVersionStore.VersionFileName));

        var ex = Assert.Throws<IndexUnusableException>(() => _store.Activate(old.Id, At(3)));

        Assert.Equal(IndexProblem.Incomplete, ex.Problem);
        Assert.Equal(current, _store.ReadManifest());
    }

    public static TheoryData<string, IndexProblem> Damages() => new()
    {
        { "list-missing", IndexProblem.Incomplete },
        { "file-missing", IndexProblem.Incomplete },
        { "file-cut", IndexProblem.Incomplete },
        { "byte-flipped", IndexProblem.Corrupt },
        { "referential-flipped", IndexProblem.Corrupt },
        { "list-garbage", IndexProblem.Corrupt },
        { "path-escapes", IndexProblem.Corrupt },
        { "other-engine", IndexProblem.OtherVersion },
        { "folder-missing", IndexProblem.Missing },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void Open_WhenVersionDamaged_ReportsWhy(string damage, IndexProblem expected)
    {
        var version = _store.Publish(_fixture.Catalog, At(0), keep: 3).Version;
        var list = Path.Combine(version.Folder, IndexVersionStore.VersionFileName);
        var terms = System.IO.Directory.GetFiles(version.IndexPath, "*.tim").Single();
        switch (damage)
        {
            case "list-missing": File.Delete(list); break;
            case "file-missing": File.Delete(terms); break;
            case "file-cut": File.WriteAllBytes(terms, File.ReadAllBytes(terms)[..100]); break;
            case "byte-flipped": Flip(terms); break;
            case "referential-flipped": Flip(Path.Combine(version.Folder, "referentiels", "thematiques.yml")); break;
            case "list-garbage": File.WriteAllText(list, "{ \"engine\": "); break;
            case "path-escapes": Rewrite(list, json => json["files"]![0]!["path"] = "../../manifest.json"); break;
            case "other-engine": Rewrite(list, json => json["engine"] = "autre-moteur"); break;
            case "folder-missing": System.IO.Directory.Delete(version.Folder, recursive: true); break;
        }

        var ex = Assert.Throws<IndexUnusableException>(() => _store.Open(version.Id));

        Assert.Equal((expected, _store.Root, version.Id), (ex.Problem, ex.Location, ex.Version));
        if (damage is "file-missing" or "file-cut" or "byte-flipped")
        {
            Assert.Equal(Path.GetRelativePath(version.Folder, terms).Replace('\\', '/'), ex.File);
        }
    }

    [Theory]
    [InlineData(null, IndexProblem.Missing)]
    [InlineData("{ \"version\": ", IndexProblem.Corrupt)]
    [InlineData("{ \"version\": \"../../etc\" }", IndexProblem.Corrupt)]
    [InlineData("{ \"autre\": 1 }", IndexProblem.Corrupt)]
    public void ReadManifest_WhenMissingOrInvalid_ReportsWhy(string? manifest, IndexProblem expected)
    {
        if (manifest is not null)
        {
            File.WriteAllText(Path.Combine(_store.Root, IndexVersionStore.ManifestFileName), manifest);
        }

        var ex = Assert.Throws<IndexUnusableException>(_store.ReadManifest);

        Assert.Equal((expected, _store.Root, null, IndexVersionStore.ManifestFileName), (ex.Problem, ex.Location, ex.Version, ex.File));
    }

    /// <summary>The test catalogue with one offer fewer per step, under its own fingerprint.</summary>
    private Content.ContentCatalog Changed(int step) =>
        _fixture.Catalog with { Offers = [.. _fixture.Catalog.Offers.Skip(step)], Fingerprint = new string((char)('a' + step), 64) };

    private static FixedClock At(int seconds) => new(FixedClock.Default.GetUtcNow().AddSeconds(seconds));

    private static List<string> Ids(SearchResponse response) => [.. response.Hits.Select(h => h.Offer.Id)];
}
