using System.Globalization;
using Annuaire.Content.Model;
using Annuaire.Search.Analysis;
using Annuaire.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Annuaire.Search.Tests.Indexing;

/// <summary>The full build: slices indexed in parallel, merged in the catalogue's order.</summary>
public sealed class OfferIndexBuilderTests : IDisposable
{
    private readonly EngineFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(OfferIndexBuilder.SliceSize)]
    public void Build_WhenSliced_KeepsCatalogueOrderInOneSegment(int sliceSize)
    {
        var offers = _fixture.Catalog.Offers;

        var ids = BuildIds(offers, sliceSize, out var segments);

        Assert.Equal(1, segments);
        Assert.Equal(offers.Select(o => o.Id), ids);
    }

    [Fact]
    public void Build_WhenIdGivenTwice_KeepsLastOfferAtItsPlace()
    {
        var offers = _fixture.Catalog.Offers.Take(4).ToList();
        var again = offers[0] with { Titre = "Offre remplacée" };

        var ids = BuildIds([.. offers, again], sliceSize: 2, out _);

        Assert.Equal(offers.Skip(1).Append(again).Select(o => o.Id), ids);
    }

    private List<string> BuildIds(IReadOnlyList<Offer> offers, int sliceSize, out int segments)
    {
        using var analyzers = new OfferAnalyzers(_fixture.Catalog.Referentials.Synonyms);
        using var directory = new RAMDirectory();
        OfferIndexBuilder.Build(offers, _fixture.Catalog.Referentials, analyzers, directory, commitData: null, sliceSize);
        using var reader = DirectoryReader.Open(directory);
        segments = reader.Leaves.Count;
        return [.. Enumerable.Range(0, reader.MaxDoc).Select(doc => reader.Document(doc).Get(OfferFields.Id, CultureInfo.InvariantCulture))];
    }
}
