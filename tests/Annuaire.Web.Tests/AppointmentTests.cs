using System.Text.Json;

namespace Annuaire.Web.Tests;

/// <summary>What an adviser uses during an appointment: open now, why an offer, contacts first, the handout, what was not found.</summary>
public sealed class AppointmentTests(AppointmentSite site) : IClassFixture<AppointmentSite>
{
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    private async Task<List<string>> OpenNowIdsAsync(string query = "")
    {
        var page = await site.GetDocumentAsync("/recherche?ouvert=maintenant" + query);
        return [.. page.QuerySelectorAll(".card h3 a").Select(a => a.GetAttribute("href")!["/offres/".Length..]).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task OpenNowFilter_OnAWednesdayMorning_KeepsOpenOffersButNotTheClosedOne()
    {
        site.Clock.Now = new DateTimeOffset(2026, 7, 15, 10, 0, 0, Summer);
        Assert.Equal(["accueil-jour-et-nuit", "permanence-semaine"], await OpenNowIdsAsync());
    }

    [Fact]
    public async Task OpenNowFilter_OnBastilleDay_KeepsOnlyTheAlwaysOpenOffer()
    {
        site.Clock.Now = new DateTimeOffset(2026, 7, 14, 10, 0, 0, Summer); // a Tuesday, public holiday
        Assert.Equal(["accueil-jour-et-nuit"], await OpenNowIdsAsync());
    }

    [Fact]
    public async Task OpenNowFilter_IsComputedAtEachRequest_NeverServedFromTheCache()
    {
        site.Clock.Now = new DateTimeOffset(2026, 7, 15, 10, 0, 0, Summer);
        Assert.Equal(2, (await OpenNowIdsAsync()).Count);
        site.Clock.Now = new DateTimeOffset(2026, 7, 15, 22, 0, 0, Summer);
        Assert.Equal(["accueil-jour-et-nuit"], await OpenNowIdsAsync());
        site.Clock.Now = new DateTimeOffset(2026, 8, 3, 10, 0, 0, Summer); // a Monday, the works are over
        Assert.Equal(["accueil-jour-et-nuit", "atelier-ferme-en-juillet", "permanence-semaine"], await OpenNowIdsAsync());
    }

    [Fact]
    public async Task OpenNowFilter_WhenNothingOpen_OffersTheSearchWithoutIt()
    {
        site.Clock.Now = new DateTimeOffset(2026, 7, 15, 22, 0, 0, Summer);
        var page = await site.GetDocumentAsync("/recherche?ouvert=maintenant&q=permanence");
        Assert.Equal("Aucune offre", page.QuerySelector("#resultats-titre")!.TextContent);
        var link = page.QuerySelectorAll(".zero a").Single(a => a.TextContent == "1 offre");
        Assert.Equal("/recherche?q=permanence", link.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector(".chips a.chip[href='/recherche?q=permanence']"));
    }

    [Fact]
    public async Task Card_TellsWhyTheOfferIsShown()
    {
        var page = await site.GetDocumentAsync("/recherche?q=rsa&territoire=45004&public=beneficiaires-des-minimas-sociaux");
        var card = page.QuerySelectorAll(".card").Single(c => c.QuerySelector("h3 a")!.GetAttribute("href") == "/offres/permanence-semaine");
        Assert.Equal(
            "vous êtes à Amilly : offre de cette commune · public : Bénéficiaires des minimas sociaux · « rsa » = revenu de solidarité active",
            card.QuerySelector(".why p")!.TextContent);
        Assert.Equal("tel:0299004501", card.QuerySelector(".fact-phone a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Card_WhenNoHours_SaysSo()
    {
        var page = await site.GetDocumentAsync("/recherche?q=service+sans+horaires");
        var card = page.QuerySelectorAll(".card").Single(c => c.QuerySelector("h3 a")!.GetAttribute("href") == "/offres/service-sans-horaires");
        Assert.EndsWith("horaires non renseignés", card.QuerySelector(".fact-hours")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfferPage_ContactsComeBeforeTheDescription()
    {
        var page = await site.GetDocumentAsync("/offres/permanence-semaine");
        var order = page.QuerySelectorAll("#contacter, #mobiliser, #essentiel, #description").Select(h => h.Id).ToList();
        Assert.Equal(["contacter", "mobiliser", "essentiel", "description"], order);
        Assert.NotNull(page.QuerySelector("#contacter ~ ul.contact a.tel[href='tel:0299004501']"));
        Assert.Equal(["Pièce d'identité", "Attestation CAF"], page.QuerySelectorAll("section[aria-labelledby=mobiliser] ul li").Select(li => li.TextContent));
    }

    [Fact]
    public async Task OfferPage_IntervalsSkipTheHolidayAndTheWindowCoversEightDays()
    {
        site.Clock.Now = new DateTimeOffset(2026, 7, 13, 8, 0, 0, Summer); // Monday; Tuesday is 14 July
        await site.ForgetCachedPagesAsync();
        var page = await site.GetDocumentAsync("/offres/permanence-semaine");
        var status = page.QuerySelector(".place .open-now")!;
        var starts = status.GetAttribute("data-ouverture")!.Split(' ').Select(i => DateTimeOffset.FromUnixTimeSeconds(long.Parse(i.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture)).ToOffset(Summer).Date).ToList();
        Assert.Equal([new DateTime(2026, 7, 13), new DateTime(2026, 7, 15), new DateTime(2026, 7, 16), new DateTime(2026, 7, 17), new DateTime(2026, 7, 20)], starts);
        var window = status.GetAttribute("data-fenetre")!.Split('-').Select(long.Parse).ToList();
        Assert.Equal(TimeSpan.FromDays(8).TotalSeconds, window[1] - window[0]);
    }

    [Fact]
    public async Task OfferPage_WhenTemporarilyClosed_SaysUntilWhen()
    {
        site.Clock.Now = new DateTimeOffset(2026, 7, 15, 10, 0, 0, Summer);
        await site.ForgetCachedPagesAsync();
        var page = await site.GetDocumentAsync("/offres/atelier-ferme-en-juillet");
        Assert.Equal("Fermeture temporaire du 1 juillet au 31 juillet 2026 (travaux).", page.QuerySelector(".badge-warning")!.TextContent);
        // The whole window falls in the closure: no opening at all for the browser to show.
        Assert.Equal(string.Empty, page.QuerySelector(".place .open-now")!.GetAttribute("data-ouverture"));
    }

    [Fact]
    public async Task Selection_MailtoAndSmsCarryOffersButNoNote_AndReorderLinksSwap()
    {
        var page = await site.GetDocumentAsync("/selection?o=permanence-semaine&o=accueil-jour-et-nuit&note=SECRET");
        var mailto = Uri.UnescapeDataString(page.QuerySelector("a[data-envoi=courriel]")!.GetAttribute("href")!);
        var sms = Uri.UnescapeDataString(page.QuerySelector("a[data-envoi=sms]")!.GetAttribute("href")!);
        Assert.StartsWith("mailto:?subject=Vos contacts pour avancer&body=", mailto, StringComparison.Ordinal);
        Assert.Contains("http://localhost:5000/offres/permanence-semaine", mailto, StringComparison.Ordinal);
        Assert.Contains("Tél. 02 99 00 45 01", mailto, StringComparison.Ordinal);
        Assert.StartsWith("sms:?&body=Permanence emploi de la semaine – 02 99 00 45 01 http://localhost:5000/offres/permanence-semaine", sms, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", page.Source.Text, StringComparison.Ordinal);
        Assert.Equal("/selection?o=accueil-jour-et-nuit&o=permanence-semaine#offre-permanence-semaine", page.QuerySelector("#offre-permanence-semaine .reorder a")!.GetAttribute("href"));
        Assert.Equal("http://localhost:5000/selection?o=permanence-semaine&o=accueil-jour-et-nuit", page.QuerySelector("#lien-partage")!.GetAttribute("value"));
        var item = page.QuerySelector(".handout-item")!;
        Assert.Equal(["Contact", "Adresse", "Conditions", "Pièces à apporter", "Coût"], item.QuerySelectorAll("dt").Select(d => d.TextContent));
        Assert.Equal("Maison des solidarités, 1 rue de la Paix, 45200 Amilly Du lundi au vendredi, 9 h–17 h ; fermé les jours fériés", item.QuerySelectorAll("dd")[1].TextContent);
    }

    [Fact]
    public async Task SearchGaps_ThirdIdenticalSearchWithoutResult_IsPublishedDespiteTheCache()
    {
        using var client = site.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            await client.GetStringAsync("/recherche?q=garde+enfant+nuit+zzq&territoire=45", TestContext.Current.CancellationToken);
        }

        Assert.DoesNotContain("zzq", await client.GetStringAsync("/admin/recherches-sans-reponse?format=json", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await client.GetStringAsync("/recherche?q=garde+enfant+nuit+zzq&territoire=45", TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/admin/recherches-sans-reponse?format=json", TestContext.Current.CancellationToken));
        var row = json.RootElement.GetProperty("lignes").EnumerateArray().Single(r => r.GetProperty("mots").GetString() == "enfant garde nuit zzq");
        Assert.Equal("45", row.GetProperty("territoire").GetString());
        Assert.Equal(3, row.GetProperty("recherches").GetInt32());
        var page = await site.GetDocumentAsync("/admin/recherches-sans-reponse");
        Assert.Contains(page.QuerySelectorAll("td"), td => td.TextContent == "enfant garde nuit zzq");
    }
}
