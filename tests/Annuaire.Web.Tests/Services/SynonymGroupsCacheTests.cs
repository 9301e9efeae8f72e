using Annuaire.Content.Diagnostics;
using Annuaire.Content.Referentials;
using Annuaire.Content.Text;
using Annuaire.Web.Services;

namespace Annuaire.Web.Tests.Services;

/// <summary>The search page parses the synonyms once per referential set, not once per request.</summary>
public sealed class SynonymGroupsCacheTests
{
    private static ReferentialSet Load() => ReferentialLoader.Load(SiteFactory.RepositoryContent(), new List<Diagnostic>());

    [Fact]
    public void For_WhenSameReferentials_ReturnsTheGroupsParsedTheFirstTime()
    {
        var cache = new SynonymGroupsCache();
        var referentials = Load();

        var first = cache.For(referentials);

        Assert.Same(first, cache.For(referentials));
        Assert.Contains("revenu de solidarité active", first.Of("RSA"));
    }

    [Fact]
    public void For_WhenReferentialsReplaced_ParsesTheNewOnes()
    {
        var cache = new SynonymGroupsCache();
        var before = cache.For(Load());

        var after = cache.For(Load());

        Assert.NotSame(before, after);
        Assert.Equal(before.Of("RSA"), after.Of("RSA"));
    }

    [Fact]
    public void For_WhenNoReferentials_ReturnsNoGroup()
    {
        Assert.Same(SynonymGroups.Empty, new SynonymGroupsCache().For(null));
    }
}
