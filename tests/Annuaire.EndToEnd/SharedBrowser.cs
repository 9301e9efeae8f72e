namespace Annuaire.EndToEnd;

/// <summary>One site, one intranet host and one Chromium for every browser test (started once).</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "navigateur";
}
