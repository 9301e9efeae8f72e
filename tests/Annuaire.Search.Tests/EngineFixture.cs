using Annuaire.Content;
using Annuaire.Content.Parsing;

namespace Annuaire.Search.Tests;

/// <summary>The engine built once over TestData/content (13 small offers across 45, 61 and national).</summary>
public sealed class EngineFixture : IDisposable
{
    public EngineFixture()
    {
        Catalog = ContentLoader.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "content"), new ValidationOptions { Today = new DateOnly(2026, 11, 22) });
        Engine = new OfferSearchEngine(FixedClock.Default);
        Engine.Rebuild(Catalog);
    }

    public ContentCatalog Catalog { get; }

    public OfferSearchEngine Engine { get; }

    public void Dispose() => Engine.Dispose();
}
