using Annuaire.Search.Analysis;
using Annuaire.Search.Indexing;
using Annuaire.Search.Querying;
using Lucene.Net.Store;

namespace Annuaire.Search.Tests.Indexing;

/// <summary>The saved index: round trip, and every way it can be missing, damaged or half-written.</summary>
public sealed class IndexFolderTests : IDisposable
{
    private readonly EngineFixture _fixture = new();
    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("annuaire-index-").FullName;

    private string IndexPath => Path.Combine(_root, "index");

    private static readonly SearchRequest Rsa = new() { Text = "RSA", Territoire = "45" };

    public void Dispose()
    {
        _fixture.Dispose();
        System.IO.Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void SaveIndex_ThenLoadIndex_ServesSameResultsWithItsFingerprint()
    {
        _fixture.Engine.SaveIndex(IndexPath);

        using var loaded = new OfferSearchEngine(FixedClock.Default);
        var status = loaded.LoadIndex(IndexPath, _fixture.Catalog.Referentials);

        Assert.Equal(_fixture.Catalog.Fingerprint, status.Fingerprint);
        Assert.Equal(64, status.Fingerprint.Length);
        Assert.Equal(_fixture.Catalog.Offers.Count, status.OfferCount);
        Assert.Equal(Ids(_fixture.Engine.Search(Rsa)), Ids(loaded.Search(Rsa)));
        Assert.Equal(["index"], System.IO.Directory.GetDirectories(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void LoadIndex_WhenFolderMissing_ReportsMissingAndKeepsServing()
    {
        var before = _fixture.Engine.Status!;

        var ex = Assert.Throws<IndexUnusableException>(() => _fixture.Engine.LoadIndex(IndexPath, _fixture.Catalog.Referentials));

        Assert.Equal(IndexProblem.Missing, ex.Problem);
        Assert.Equal(before.Generation, _fixture.Engine.Status!.Generation);
    }

    [Fact]
    public void LoadIndex_WhenFolderEmpty_ReportsMissing()
    {
        System.IO.Directory.CreateDirectory(IndexPath);

        var ex = Assert.Throws<IndexUnusableException>(() => _fixture.Engine.LoadIndex(IndexPath, _fixture.Catalog.Referentials));

        Assert.Equal(IndexProblem.Missing, ex.Problem);
    }

    /// <summary>Every file of the index, damaged in three ways: one flipped byte, cut in half, emptied.</summary>
    public static TheoryData<string, string> Damages()
    {
        using var fixture = new EngineFixture();
        var folder = System.IO.Directory.CreateTempSubdirectory("annuaire-index-names-").FullName;
        try
        {
            fixture.Engine.SaveIndex(Path.Combine(folder, "index"));
            var data = new TheoryData<string, string>();
            foreach (var file in System.IO.Directory.GetFiles(Path.Combine(folder, "index")).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                foreach (var damage in new[] { "octet", "moitié", "vide" })
                {
                    data.Add(file!, damage);
                }
            }

            return data;
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void LoadIndex_WhenAFileIsDamaged_ReportsCorruptAndKeepsServing(string file, string damage)
    {
        _fixture.Engine.SaveIndex(IndexPath);
        var path = Path.Combine(IndexPath, file);
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "octet":
                bytes[bytes.Length / 2] ^= 0x5A;
                File.WriteAllBytes(path, bytes);
                break;
            case "moitié":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            default:
                File.WriteAllBytes(path, []);
                break;
        }

        var before = _fixture.Engine.Status!;

        if (file == "segments.gen")
        {
            // A redundant hint: Lucene falls back to listing the folder, so the index is still whole.
            using var loaded = new OfferSearchEngine(FixedClock.Default);
            loaded.LoadIndex(IndexPath, _fixture.Catalog.Referentials);
            Assert.Equal(Ids(_fixture.Engine.Search(Rsa)), Ids(loaded.Search(Rsa)));
            return;
        }

        var ex = Assert.Throws<IndexUnusableException>(() => _fixture.Engine.LoadIndex(IndexPath, _fixture.Catalog.Referentials));

        Assert.NotEqual(IndexProblem.OtherVersion, ex.Problem);
        Assert.Equal((Path.GetFullPath(IndexPath), null, null), (ex.Location, ex.Version, ex.File));
        Assert.Contains(IndexPath, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before.Generation, _fixture.Engine.Status!.Generation);
        Assert.NotEmpty(_fixture.Engine.Search(Rsa).Hits);
    }

    [Fact]
    public void LoadIndex_WhenOffersFileIsFromAnotherSave_ReportsCorrupt()
    {
        var other = Path.Combine(_root, "autre");
        _fixture.Engine.SaveIndex(IndexPath);
        var edited = _fixture.Catalog.Offers[0] with { Titre = "Titre modifié entre deux enregistrements" };
        _fixture.Engine.Apply(_fixture.Catalog with { Offers = [edited, .. _fixture.Catalog.Offers.Skip(1)], Fingerprint = "modifié" });
        _fixture.Engine.SaveIndex(other);
        File.Copy(Path.Combine(IndexPath, SavedOffers.FileName), Path.Combine(other, SavedOffers.FileName), overwrite: true);

        var ex = Assert.Throws<IndexUnusableException>(() => _fixture.Engine.LoadIndex(other, _fixture.Catalog.Referentials));

        Assert.Equal(IndexProblem.Corrupt, ex.Problem);
        Assert.Equal("modifié", _fixture.Engine.Status!.Fingerprint);
    }

    [Fact]
    public void LoadIndex_WhenOffersFileMissesADocument_ReportsCorrupt()
    {
        _fixture.Engine.SaveIndex(IndexPath);
        var segments = System.IO.Directory.GetFiles(IndexPath, "segments_*").Select(Path.GetFileName).Single()!;
        var stranger = _fixture.Catalog.Offers[0] with { Id = "offre-inconnue-de-l-index" };
        File.Delete(Path.Combine(IndexPath, SavedOffers.FileName));
        using (var folder = new SimpleFSDirectory(new DirectoryInfo(IndexPath)))
        {
            SavedOffers.Write(folder, segments, [stranger, .. _fixture.Catalog.Offers.Skip(1)]);
        }

        var ex = Assert.Throws<IndexUnusableException>(() => _fixture.Engine.LoadIndex(IndexPath, _fixture.Catalog.Referentials));

        Assert.Equal(IndexProblem.Corrupt, ex.Problem);
        Assert.Contains(_fixture.Catalog.Offers[0].Id, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadIndex_WhenWrittenByOtherCode_ReportsOtherVersion()
    {
        var data = IndexFolder.CommitData(_fixture.Catalog.Fingerprint);
        data[IndexFolder.FormatKey] = "ancienne-version";
        using (var analyzers = new OfferAnalyzers(_fixture.Catalog.Referentials.Synonyms))
        using (var directory = new SimpleFSDirectory(new DirectoryInfo(IndexPath)))
        {
            OfferIndexBuilder.Build(_fixture.Catalog.Offers, _fixture.Catalog.Referentials, analyzers, directory, data);
        }

        var ex = Assert.Throws<IndexUnusableException>(() => _fixture.Engine.LoadIndex(IndexPath, _fixture.Catalog.Referentials));

        Assert.Equal(IndexProblem.OtherVersion, ex.Problem);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void SaveIndex_WhenDiskFillsUpMidWrite_KeepsPreviousIndexWholeAndLeavesNothingBehind(double freeShareOfIndex)
    {
        var freeBytes = (long)(IndexSize() * freeShareOfIndex);

        // The previous index: a smaller catalogue, so the two are told apart.
        using (var previous = new OfferSearchEngine(FixedClock.Default))
        {
            previous.Rebuild(_fixture.Catalog with { Offers = [.. _fixture.Catalog.Offers.Take(5)], Fingerprint = "précédent" });
            previous.SaveIndex(IndexPath);
        }

        var ex = Assert.Throws<IndexWriteException>(() => _fixture.Engine.SaveIndex(IndexPath, folder => new FullDiskDirectory(new SimpleFSDirectory(folder), freeBytes)));

        Assert.Equal((IndexWriteFailure.SaveFailed, Path.GetFullPath(IndexPath)), (ex.Failure, ex.Location));
        Assert.Contains("No space left on device", ex.InnerException?.Message, StringComparison.Ordinal);
        using var reloaded = new OfferSearchEngine(FixedClock.Default);
        var status = reloaded.LoadIndex(IndexPath, _fixture.Catalog.Referentials);
        Assert.Equal("précédent", status.Fingerprint);
        Assert.Equal(5, status.OfferCount);
        Assert.Equal(["index"], System.IO.Directory.GetDirectories(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void SaveIndex_AfterAFailedSave_Succeeds()
    {
        Assert.Throws<IndexWriteException>(() => _fixture.Engine.SaveIndex(IndexPath, folder => new FullDiskDirectory(new SimpleFSDirectory(folder), 1_000)));

        _fixture.Engine.SaveIndex(IndexPath);

        using var reloaded = new OfferSearchEngine(FixedClock.Default);
        Assert.Equal(_fixture.Catalog.Fingerprint, reloaded.LoadIndex(IndexPath, _fixture.Catalog.Referentials).Fingerprint);
    }

    [Fact]
    public void SaveIndex_WhenAnEarlierSaveWasInterrupted_RemovesItsStagingFolder()
    {
        var leftover = System.IO.Directory.CreateDirectory(IndexPath + ".tmp-0badf00d").FullName;
        File.WriteAllText(Path.Combine(leftover, "_0.cfs"), "moitié d'index");

        _fixture.Engine.SaveIndex(IndexPath);

        Assert.False(System.IO.Directory.Exists(leftover));
    }

    [Fact]
    public void SaveIndex_BeforeFirstBuild_ThrowsInvalidOperation()
    {
        using var empty = new OfferSearchEngine(FixedClock.Default);

        Assert.Throws<InvalidOperationException>(() => empty.SaveIndex(IndexPath));
    }

    /// <summary>Bytes of the fixture's index once saved.</summary>
    private long IndexSize()
    {
        var probe = Path.Combine(_root, "taille");
        _fixture.Engine.SaveIndex(probe);
        var size = new DirectoryInfo(probe).GetFiles().Sum(f => f.Length);
        System.IO.Directory.Delete(probe, recursive: true);
        return size;
    }

    private static List<string> Ids(SearchResponse response) => [.. response.Hits.Select(h => h.Offer.Id)];
}
