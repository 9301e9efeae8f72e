using System.Globalization;
using Annuaire.Search.Indexing;

namespace Annuaire.Search.Tests.Indexing;

/// <summary>Keyword fields reused across documents: never twice in one document, each with its own value.</summary>
public sealed class KeywordFieldsTests
{
    [Fact]
    public void Get_WithinOneDocument_GivesDistinctFieldsWithTheirValues()
    {
        var keywords = new KeywordFields();

        var first = keywords.Get(OfferFields.Zone, "45");
        var second = keywords.Get(OfferFields.Zone, "45234");
        var other = keywords.Get(OfferFields.FFrais, "gratuit");

        Assert.NotSame(first, second);
        Assert.Equal(["45", "45234", "gratuit"], [first.GetStringValue(CultureInfo.InvariantCulture), second.GetStringValue(CultureInfo.InvariantCulture), other.GetStringValue(CultureInfo.InvariantCulture)]);
        Assert.Equal([OfferFields.Zone, OfferFields.Zone, OfferFields.FFrais], [first.Name, second.Name, other.Name]);
    }

    [Fact]
    public void Get_AfterReset_ReusesFieldsWithNewValues()
    {
        var keywords = new KeywordFields();
        var first = keywords.Get(OfferFields.Zone, "45");
        var second = keywords.Get(OfferFields.Zone, "45234");

        keywords.Reset();
        var reused = keywords.Get(OfferFields.Zone, "61");
        var again = keywords.Get(OfferFields.Zone, "61001");
        var added = keywords.Get(OfferFields.Zone, "france");

        Assert.Same(first, reused);
        Assert.Same(second, again);
        Assert.NotSame(first, added);
        Assert.NotSame(second, added);
        Assert.Equal(["61", "61001", "france"], [reused.GetStringValue(CultureInfo.InvariantCulture), again.GetStringValue(CultureInfo.InvariantCulture), added.GetStringValue(CultureInfo.InvariantCulture)]);
    }
}
