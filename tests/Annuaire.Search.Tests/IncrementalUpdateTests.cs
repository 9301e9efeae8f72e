using Annuaire.Content;
using Annuaire.Content.Model;
using Annuaire.Content.Parsing;
using Annuaire.Search.Querying;

namespace Annuaire.Search.Tests;

/// <summary>
/// <see cref="OfferSearchEngine.Apply"/> re-indexes only the offers that changed (another object
/// for the same id), deletes the ones gone, adds the new ones, and rebuilds when the referentials
/// change; searches stay consistent (hits, facets, suggestions, saved index) throughout.
/// </summary>
public sealed class IncrementalUpdateTests : IDisposable
{
    private readonly EngineFixture _fixture = new();

    private OfferSearchEngine Engine => _fixture.Engine;

    private ContentCatalog Catalog => _fixture.Catalog;

    public void Dispose() => _fixture.Dispose();

    private static ContentCatalog With(ContentCatalog catalog, IEnumerable<Offer> offers) => catalog with { Offers = [.. offers], Fingerprint = Guid.NewGuid().ToString("N") };

    /// <summary>Offers listed when browsing (archived and expired ones are not).</summary>
    private int Listed => Engine.Search(new SearchRequest()).Total;

    private IReadOnlyList<string> Ids(string text, string? territoire = null) =>
        [.. Engine.Search(new SearchRequest { Text = text, Territoire = territoire, PageSize = SearchRequest.MaxPageSize }).Hits.Select(h => h.Offer.Id)];

    [Fact]
    public void Apply_WhenOneOfferChanges_ReindexesOnlyThatOne()
    {
        var target = Catalog.Offers.First(o => o.Id == "atelier-cv-montargis");
        var edited = target with { Titre = "Atelier ornithorynque", MotsCles = ["ornithorynque"] };
        var listed = Listed;

        var (status, changed) = Engine.Apply(With(Catalog, Catalog.Offers.Select(o => o.Id == target.Id ? edited : o)));

        Assert.Equal(1, changed);
        Assert.Equal(Catalog.Offers.Count, status.OfferCount);
        Assert.Equal(["atelier-cv-montargis"], Ids("ornithorynque"));
        Assert.Same(edited, Engine.Find(target.Id));
        Assert.Equal(listed, Listed);
    }

    [Fact]
    public void Apply_WhenOneOfferChanges_HandsTheDecodedPostingsOn()
    {
        var postings = Engine.CachedPostings;
        var target = Catalog.Offers.First(o => o.Id == "atelier-cv-montargis");

        Engine.Apply(With(Catalog, Catalog.Offers.Select(o => o.Id == target.Id ? target with { Titre = "Atelier ornithorynque" } : o)));

        Assert.NotNull(postings);
        Assert.Same(postings, Engine.CachedPostings); // Segments the new generation shares keep their decoded lists.
    }

    [Fact]
    public void Apply_WhenOffersAddedAndDeleted_HitsFacetsAndSuggestionsFollow()
    {
        var gone = Catalog.Offers.First(o => o.Id == "atelier-cv-montargis");
        var added = gone with { Id = "atelier-cv-flers", SourcePath = "offres/orne/atelier-cv-flers.md", Titre = "Atelier CV zythologie", ZoneEligibilite = ["61"] };
        var before = Engine.Search(new SearchRequest()).Facets[FacetDimension.Departement].ToDictionary(v => v.Value, v => v.Count);
        var listed = Listed;

        var (_, changed) = Engine.Apply(With(Catalog, Catalog.Offers.Where(o => o != gone).Append(added)));

        Assert.Equal(2, changed);
        Assert.Null(Engine.Find(gone.Id));
        Assert.Equal(["atelier-cv-flers"], Ids("zythologie"));
        Assert.Contains(Engine.Suggest("zytho"), s => s.OfferId == "atelier-cv-flers");
        var after = Engine.Search(new SearchRequest()).Facets[FacetDimension.Departement].ToDictionary(v => v.Value, v => v.Count);
        Assert.Equal(before["45"] - 1, after["45"]);
        Assert.Equal(before["61"] + 1, after["61"]);
        Assert.Equal(listed, Listed);
    }

    [Fact]
    public void Apply_AfterManyEditsAddsAndDeletes_AnswersLikeAFreshBuild()
    {
        // Enough updates for segments to be merged: rows of facets and offers are carried over
        // from shared segments and must still match what a fresh build reads.
        var random = new Random(7);
        var offers = Catalog.Offers.ToList();
        var themes = Catalog.Offers.SelectMany(o => o.Thematiques).Distinct().ToArray();
        for (var round = 0; round < 40; round++)
        {
            var i = random.Next(offers.Count);
            switch (random.Next(3))
            {
                case 0 when offers.Count > 20:
                    offers.RemoveAt(i);
                    break;
                case 1:
                    offers.Add(offers[i] with { Id = $"copie-{round}", SourcePath = $"offres/copie-{round}.md", Titre = $"Copie numéro {round}" });
                    break;
                default:
                    offers[i] = offers[i] with { Titre = $"Édition {round}", Thematiques = [themes[random.Next(themes.Length)]], ZoneEligibilite = [random.Next(2) == 0 ? "45" : "61"] };
                    break;
            }

            var catalog = With(Catalog, offers.OrderBy(o => o.Id, StringComparer.Ordinal));
            Assert.NotEqual(-1, Engine.Apply(catalog).Changed);
            Engine.Suggest("ed"); // Builds this generation's suggestions, the next one starts from them.
            if (round % 8 != 7)
            {
                continue;
            }

            using var fresh = new OfferSearchEngine(FixedClock.Default);
            fresh.Rebuild(catalog);
            foreach (var request in new[]
            {
                new SearchRequest { PageSize = SearchRequest.MaxPageSize },
                new SearchRequest { Text = "atelier", PageSize = SearchRequest.MaxPageSize },
                new SearchRequest { Text = "copie", Territoire = "61", PageSize = SearchRequest.MaxPageSize },
                new SearchRequest { Filters = new Dictionary<FacetDimension, IReadOnlyList<string>> { [FacetDimension.Thematique] = [themes[0]] }, PageSize = SearchRequest.MaxPageSize },
            })
            {
                var expected = fresh.Search(request);
                var actual = Engine.Search(request);
                Assert.Equal(expected.Total, actual.Total);
                Assert.Equal(expected.Hits.Select(h => h.Offer.Id).Order(StringComparer.Ordinal), actual.Hits.Select(h => h.Offer.Id).Order(StringComparer.Ordinal));
                Assert.All(actual.Hits, h => Assert.Same(catalog.Offers.Single(o => o.Id == h.Offer.Id), h.Offer));
                Assert.Equal(expected.Facets.Keys.Order(), actual.Facets.Keys.Order());
                foreach (var (dimension, values) in expected.Facets)
                {
                    Assert.Equal(values.Select(v => (v.Value, v.Count)).Order(), actual.Facets[dimension].Select(v => (v.Value, v.Count)).Order());
                }
            }

            // Offers of equal score come in document order, which updates change: compared as sets.
            foreach (var prefix in new[] { "ed", "atel" })
            {
                Assert.Equal(fresh.Suggest(prefix, 20).Select(x => (x.Text, x.OfferId)).Order(), Engine.Suggest(prefix, 20).Select(x => (x.Text, x.OfferId)).Order());
            }
        }
    }

    [Fact]
    public void Apply_WhenNothingChanged_PublishesNothing()
    {
        var generation = Engine.Status!.Generation;

        var (status, changed) = Engine.Apply(Catalog);

        Assert.Equal((0, generation), (changed, status.Generation));
    }

    [Fact]
    public void Apply_WhenReferentialsChange_RebuildsEverything()
    {
        var reloaded = ContentLoader.Load(Catalog.Root, new ValidationOptions { Today = new DateOnly(2026, 11, 22) }) with { Fingerprint = "autres-referentiels" };

        var (status, changed) = Engine.Apply(reloaded);

        Assert.Equal(-1, changed);
        Assert.Equal(reloaded.Offers.Count, status.OfferCount);
        Assert.Same(reloaded.Referentials, Engine.Referentials);
    }

    [Fact]
    public void Apply_WhenSameBytesReadAgain_AdoptsTheObjectsThenUpdatesIncrementally()
    {
        // What happens after a start from a saved index: the content is read again, unchanged.
        var reloaded = ContentLoader.Load(Catalog.Root, new ValidationOptions { Today = new DateOnly(2026, 11, 22) });
        Assert.Equal(Catalog.Fingerprint, reloaded.Fingerprint);

        var (_, adopted) = Engine.Apply(reloaded);
        var target = reloaded.Offers.First(o => o.Id == "atelier-cv-montargis");
        var (_, changed) = Engine.Apply(With(reloaded, reloaded.Offers.Select(o => o == target ? target with { Titre = "Atelier axolotl" } : o)));

        Assert.Equal((0, 1), (adopted, changed));
        Assert.Same(reloaded.Referentials, Engine.Referentials);
        Assert.Equal([target.Id], Ids("axolotl"));
    }

    [Fact]
    public void Apply_ThenSaveAndLoad_KeepsOnlyTheCurrentOffers()
    {
        var gone = Catalog.Offers.First(o => o.Id == "atelier-cv-montargis");
        var edited = Catalog.Offers.First(o => o.Id != gone.Id);
        var changedTitle = edited with { Titre = "Titre modifié quetzalcoatl" };
        var listed = Listed;
        Engine.Apply(With(Catalog, Catalog.Offers.Where(o => o != gone).Select(o => o == edited ? changedTitle : o)));
        var folder = Path.Combine(Path.GetTempPath(), "annuaire-incremental-" + Guid.NewGuid().ToString("N"));
        try
        {
            Engine.SaveIndex(folder);
            using var loaded = new OfferSearchEngine(FixedClock.Default);
            var status = loaded.LoadIndex(folder, Catalog.Referentials);

            Assert.Equal(Catalog.Offers.Count - 1, status.OfferCount);
            Assert.Null(loaded.Find(gone.Id));
            Assert.Equal("Titre modifié quetzalcoatl", loaded.Find(edited.Id)!.Titre);
            Assert.Equal([edited.Id], loaded.Search(new SearchRequest { Text = "quetzalcoatl" }).Hits.Select(h => h.Offer.Id));
            Assert.Equal(listed - 1, loaded.Search(new SearchRequest()).Total);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Apply_WhenSearchesRunConcurrently_NoSearchFailsOrSeesAHalfUpdate()
    {
        var target = Catalog.Offers.First(o => o.Id == "atelier-cv-montargis");
        var failures = new List<string>();
        var listed = Listed;
        var searches = 0;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var all = Engine.Search(new SearchRequest());
                    var found = Engine.Search(new SearchRequest { Text = "atelier" });
                    var departements = all.Facets[FacetDimension.Departement].Where(v => v.Value != Offer.France).Sum(v => v.Count);
                    if (all.Total != listed || found.Total == 0 || departements == 0)
                    {
                        lock (failures)
                        {
                            failures.Add($"{all.Total} offres, {found.Total} « atelier »");
                        }
                    }
                }
                catch (Exception ex)
                {
                    lock (failures)
                    {
                        failures.Add(ex.ToString());
                    }
                }

                Interlocked.Increment(ref searches);
            }
        })).ToList();

        while (Volatile.Read(ref searches) < 20)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        for (var i = 0; i < 40; i++)
        {
            var edited = target with { Titre = $"Atelier CV version {i}" };
            var (_, changed) = Engine.Apply(With(Catalog, Catalog.Offers.Select(o => o.Id == target.Id ? edited : o)));
            Assert.Equal(1, changed);
        }

        var after = Volatile.Read(ref searches);
        while (Volatile.Read(ref searches) < after + 20)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Empty(failures);
        Assert.Equal("Atelier CV version 39", Engine.Find(target.Id)!.Titre);
        Assert.Equal([target.Id], Ids("\"version 39\""));
    }

    /// <summary>
    /// Regression: saving copied every file of the directory while searches released older
    /// searchers, whose segment files could vanish mid-copy (« FileNotFoundException: _3.si »).
    /// Saving now copies the last commit only, held by a snapshot.
    /// </summary>
    [Fact]
    public async Task SaveIndex_WhenUpdatesAndSearchesRunMeanwhile_SavesAWholeIndex()
    {
        var target = Catalog.Offers.First(o => o.Id == "atelier-cv-montargis");
        var folder = Path.Combine(Path.GetTempPath(), "annuaire-save-race-" + Guid.NewGuid().ToString("N"));
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Engine.Search(new SearchRequest { Text = "atelier" });
            }
        })).ToList();
        try
        {
            for (var i = 0; i < 30; i++)
            {
                Engine.Apply(With(Catalog, Catalog.Offers.Select(o => o.Id == target.Id ? target with { Titre = $"Atelier CV tour {i}" } : o)));
                Engine.SaveIndex(folder);
            }

            await stop.CancelAsync();
            await Task.WhenAll(readers);
            using var loaded = new OfferSearchEngine(FixedClock.Default);
            loaded.LoadIndex(folder, Catalog.Referentials);
            Assert.Equal("Atelier CV tour 29", loaded.Find(target.Id)!.Titre);
            Assert.Equal(Catalog.Offers.Count, loaded.All().Count);
        }
        finally
        {
            await stop.CancelAsync();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// A save copies a held commit outside the update lock: an update and even a full rebuild
    /// (which retires the index being copied) go through while the copy is under way, and the
    /// folder written is the state committed when the save began.
    /// </summary>
    [Fact]
    public void SaveIndex_WhileCopying_LetsUpdatesAndRebuildsThrough()
    {
        var target = Catalog.Offers.First(o => o.Id == "atelier-cv-montargis");
        var folder = Path.Combine(Path.GetTempPath(), "annuaire-save-open-" + Guid.NewGuid().ToString("N"));
        try
        {
            Engine.Apply(With(Catalog, Catalog.Offers.Select(o => o.Id == target.Id ? target with { Titre = "Atelier CV avant" } : o)));
            Engine.SaveIndex(folder, staging =>
            {
                var update = Task.Run(() =>
                {
                    Engine.Apply(With(Catalog, Catalog.Offers.Select(o => o.Id == target.Id ? target with { Titre = "Atelier CV après" } : o)));
                    Engine.Rebuild(With(Catalog, Catalog.Offers.Select(o => o.Id == target.Id ? target with { Titre = "Atelier CV reconstruit" } : o)));
                });
                Assert.True(update.Wait(TimeSpan.FromMinutes(1)), "An update waited for the save to finish.");
                return new Lucene.Net.Store.SimpleFSDirectory(staging);
            });

            Assert.Equal("Atelier CV reconstruit", Engine.Find(target.Id)!.Titre);
            using var loaded = new OfferSearchEngine(FixedClock.Default);
            loaded.LoadIndex(folder, Catalog.Referentials);
            Assert.Equal("Atelier CV avant", loaded.Find(target.Id)!.Titre);
            Assert.Equal(Catalog.Offers.Count, loaded.All().Count);
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
