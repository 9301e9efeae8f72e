using Annuaire.Content;
using Annuaire.Content.Parsing;
using Annuaire.Search.Indexing;
using Annuaire.Search.Querying;
using Microsoft.Extensions.Time.Testing;

namespace Annuaire.Search.Tests;

/// <summary>
/// When the engine gives memory back (<see cref="MemoryReturn"/>): at once after a large build or
/// a saved index read, and once quiet after a whole served state was let go (an index replaced,
/// the offers read with a saved index replaced by the content folder's).
/// </summary>
public sealed class OfferSearchEngineMemoryTests : IDisposable
{
    private const long MB = 1024 * 1024;

    private readonly EngineFixture _fixture = new();
    private readonly FakeTimeProvider _time = new();
    private int _collections;

    public void Dispose() => _fixture.Dispose();

    private ContentCatalog Catalog => _fixture.Catalog;

    /// <summary>An engine whose every index counts as large (or none, with <paramref name="large"/> false) and whose collections are counted.</summary>
    private OfferSearchEngine Create(bool large = true)
    {
        // Committed memory never grows here: a collection on the quiet timer comes from a release alone.
        var memory = new MemoryReturn(_time, TimeSpan.FromSeconds(30), () => 500 * MB, () => _collections++);
        return new OfferSearchEngine(FixedClock.Default, PostingsCache.DefaultMinDocFreq, memory, returnMemoryAfterBytes: large ? 0 : long.MaxValue);
    }

    [Fact]
    public void Rebuild_OfALargeIndex_ReturnsItsGarbageAtOnce_AndNothingLater()
    {
        using var engine = Create();

        engine.Rebuild(Catalog);
        Assert.Equal(1, _collections);

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, _collections);
    }

    [Fact]
    public void Rebuild_OfASmallIndex_DoesNotCollect()
    {
        using var engine = Create(large: false);

        engine.Rebuild(Catalog);
        engine.Rebuild(Catalog);
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, _collections);
    }

    [Fact]
    public void Rebuild_ReplacingAServedIndex_ReturnsTheReplacedOneOnceQuiet()
    {
        using var engine = Create();
        engine.Rebuild(Catalog);

        engine.Rebuild(Catalog with { Fingerprint = "autre" });
        Assert.Equal(2, _collections);

        // Searches in flight may still lease the replaced index: it is returned once quiet.
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(3, _collections);
        Assert.Equal(1, engine.MemoryReturns);
    }

    [Fact]
    public void LoadIndex_ThenTheSameContentRead_ReturnsTheOffersReadWithTheIndexOnceQuiet()
    {
        var (engine, reloaded) = StartFromSavedIndex(large: true);
        using (engine)
        {
            Assert.Equal(1, _collections); // The bytes read, at once.

            _time.Advance(TimeSpan.FromSeconds(31));
            Assert.Equal(2, _collections); // The offers read with the index, once quiet.
            Assert.Same(reloaded.Offers[0], engine.Find(reloaded.Offers[0].Id));
        }
    }

    [Fact]
    public void LoadIndex_OfASmallIndex_ThenTheSameContentRead_DoesNotCollect()
    {
        var (engine, _) = StartFromSavedIndex(large: false);
        using (engine)
        {
            _time.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(0, _collections);
        }
    }

    /// <summary>What a site does at start-up: reads the saved index, then the content check reads the same bytes, whose objects are served from then on.</summary>
    private (OfferSearchEngine Engine, ContentCatalog Reloaded) StartFromSavedIndex(bool large)
    {
        var folder = Path.Combine(Path.GetTempPath(), "annuaire-memory-" + Guid.NewGuid().ToString("N"));
        try
        {
            _fixture.Engine.SaveIndex(folder);
            var engine = Create(large);
            engine.LoadIndex(folder, Catalog.Referentials);
            var reloaded = ContentLoader.Load(Catalog.Root, new ValidationOptions { Today = new DateOnly(2026, 11, 22) });
            var collected = _collections;
            var (_, changed) = engine.Apply(reloaded);

            Assert.Equal(0, changed);
            Assert.Equal(collected, _collections); // Nothing at once: searches may still lease the offers read.
            return (engine, reloaded);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
