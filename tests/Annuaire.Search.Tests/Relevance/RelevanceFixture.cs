using Annuaire.Bench.Relevance;
using Annuaire.Content;
using Annuaire.Content.Parsing;

namespace Annuaire.Search.Tests.Relevance;

/// <summary>
/// The relevance suite's catalogue (TestData/relevance: offers written for the suite, its own
/// referentials) indexed once, and its judged queries.
/// </summary>
public sealed class RelevanceFixture : IDisposable
{
    public RelevanceFixture()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "TestData", "relevance");
        Catalog = ContentLoader.Load(root, new ValidationOptions { Today = DateOnly.FromDateTime(FixedClock.Default.GetUtcNow().Date) });
        Engine = new OfferSearchEngine(FixedClock.Default);
        Engine.Rebuild(Catalog);
        Queries = JudgedQueryFile.Read(Path.Combine(root, "queries.tsv"));
    }

    public ContentCatalog Catalog { get; }

    public OfferSearchEngine Engine { get; }

    internal IReadOnlyList<JudgedQuery> Queries { get; }

    public void Dispose() => Engine.Dispose();
}
