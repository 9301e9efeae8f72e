namespace Annuaire.EndToEnd;

/// <summary>axe-core (WCAG 2.1 AA, no rule disabled) on every page type and on the states reached in the flows.</summary>
[Collection(SharedBrowser.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/", "accueil", 1280)]
    [InlineData("/recherche?q=hebergement+urgence", "recherche", 1280)]
    [InlineData("/recherche?q=hebergement+urgence&territoire=45&public=personnes-sans-domicile", "recherche-filtree", 1280)]
    [InlineData("/recherche?q=zzzqqqwww", "recherche-sans-resultat", 1280)]
    [InlineData("/offres/fsl-acces-maintien-lozere", "offre", 1280)]
    [InlineData("/selection?o=aide-permis-b-lozere&o=fsl-acces-maintien-lozere&note=Rendez-vous+mardi", "selection", 1280)]
    [InlineData("/widget?territoire=45&thematique=mobilite&filtres=oui", "widget", 1280)]
    [InlineData("/offres/nexiste-pas", "404", 1280)]
    [InlineData("/integrer?territoire=45", "integrer", 1280)]
    [InlineData("/accessibilite", "accessibilite", 1280)]
    [InlineData("/mentions-legales", "mentions-legales", 1280)]
    [InlineData("/donnees-personnelles", "donnees-personnelles", 1280)]
    [InlineData("/accessibilite", "accessibilite-320", 320)]
    [InlineData("/recherche?q=logement", "recherche-320", 320)]
    [InlineData("/offres/fsl-acces-maintien-lozere", "offre-320", 320)]
    [InlineData("/widget?territoire=45", "widget-320", 320)]
    public async Task Page_HasNoAccessibilityViolations(string path, string name, int width)
    {
        var page = await fixture.OpenAsync(path, width);
        await page.AssertAccessibleAsync(name);
    }

    [Fact]
    public async Task Autocomplete_WhenSuggestionsOpen_HasNoAccessibilityViolations()
    {
        var page = await fixture.OpenAsync("/");
        await page.TypeForSuggestionsAsync("heberg");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.AssertAccessibleAsync("autocompletion-ouverte");
    }
}
