using Annuaire.Search.Querying;

namespace Annuaire.Search.Tests;

public sealed class RebuildTests
{
    [Fact]
    public async Task Rebuild_WhenSearchesRunConcurrently_NoSearchFailsOrSeesPartialIndex()
    {
        using var fixture = new EngineFixture();
        var engine = fixture.Engine;
        var expected = engine.Search(new SearchRequest()).Total;
        var failures = 0;
        var searches = 0;
        using var stop = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var response = engine.Search(new SearchRequest { Text = "hebergement" });
                    var browse = engine.Search(new SearchRequest());
                    if (response.Total == 0 || browse.Total != expected)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }

                Interlocked.Increment(ref searches);
            }
        })).ToList();

        // Rebuild only once searches are flowing, and keep searching a little after the last swap.
        while (Volatile.Read(ref searches) < 20)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        for (var i = 0; i < 25; i++)
        {
            engine.Rebuild(fixture.Catalog);
        }

        var afterRebuilds = Volatile.Read(ref searches);
        while (Volatile.Read(ref searches) < afterRebuilds + 20)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Equal(0, failures);
        Assert.True(searches > 0);
        Assert.Equal(26, engine.Status!.Generation);
    }

    [Fact]
    public void WriteIndex_ThenLoadIndex_ServesSameResultsAndOffers()
    {
        using var fixture = new EngineFixture();
        var folder = Path.Combine(Path.GetTempPath(), "annuaire-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Equal(13, OfferSearchEngine.WriteIndex(fixture.Catalog, folder));
            using var loaded = new OfferSearchEngine(FixedClock.Default);
            loaded.LoadIndex(folder, fixture.Catalog.Referentials);
            var request = new SearchRequest { Text = "RSA", Territoire = "45" };
            Assert.Equal(
                fixture.Engine.Search(request).Hits.Select(h => h.Offer.Id),
                loaded.Search(request).Hits.Select(h => h.Offer.Id));
            Assert.Equal(fixture.Engine.Find("atelier-cv-montargis"), loaded.Find("atelier-cv-montargis"), new OfferJsonComparer());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Offers loaded back from the stored JSON are equal field by field (lists compare by content).</summary>
    private sealed class OfferJsonComparer : IEqualityComparer<Content.Model.Offer?>
    {
        public bool Equals(Content.Model.Offer? x, Content.Model.Offer? y) =>
            System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

        public int GetHashCode(Content.Model.Offer? obj) => 0;
    }
}
