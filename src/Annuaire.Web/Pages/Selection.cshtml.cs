using System.Text;
using Annuaire.Content.Model;
using Annuaire.Content.Scheduling;
using Annuaire.Search;
using Annuaire.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Annuaire.Web.Pages;

/// <summary>
/// « Ma sélection » and the handout: the offers, in the order chosen, come from the URL (no
/// account, nothing stored on the server). The adviser's note and name never come to the server:
/// the browser keeps them and writes them into the printed page; without JavaScript the handout
/// prints blank lines to write on. The query string is read for <c>o</c> only.
/// </summary>
/// <remarks>
/// Not output-cached: the cache key ignores the order of repeated <c>o</c> values, and the order
/// is the adviser's choice.
/// </remarks>
public sealed class SelectionModel(OfferSearchEngine engine, QrCodes qrCodes, PublicLinks links) : PageModel
{
    /// <summary>Most offers in one selection.</summary>
    public const int MaxOffers = 20;

    /// <summary>Selected offers, in the order given.</summary>
    public IReadOnlyList<Offer> Offers { get; private set; } = [];

    /// <summary>Ids that no longer exist.</summary>
    public IReadOnlyList<string> Missing { get; private set; } = [];

    /// <summary>Labels.</summary>
    public Labels Labels { get; private set; } = new(null);

    /// <summary>Public links.</summary>
    public PublicLinks Links => links;

    /// <summary>Reads the selection from the URL.</summary>
    public void OnGet()
    {
        var ids = HttpContext.Request.Query["o"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).Take(MaxOffers).ToList();
        Offers = [.. ids.Select(engine.Find).OfType<Offer>()];
        Missing = [.. ids.Where(id => engine.Find(id) is null)];
        Labels = new Labels(engine.Referentials);
    }

    /// <summary>This selection with the offer at <paramref name="index"/> moved by <paramref name="step"/> (−1 up, +1 down).</summary>
    public string Moved(int index, int step)
    {
        var ids = Offers.Select(o => o.Id).ToList();
        (ids[index], ids[index + step]) = (ids[index + step], ids[index]);
        return Local(ids) + "#offre-" + Offers[index].Id;
    }

    /// <summary>This selection without the offer at <paramref name="index"/>.</summary>
    public string Without(int index) => Local(Offers.Where((_, i) => i != index).Select(o => o.Id));

    /// <summary>The address to share: the offers only.</summary>
    public Uri ShareUrl => links.Selection(Offers.Select(o => o.Id));

    /// <summary>QR code (SVG) of an offer's public page.</summary>
    public string Qr(Offer offer) => qrCodes.Svg(links.Offer(offer.Id));

    /// <summary>A prefilled <c>mailto:</c>: each offer's title, phone, address and page. No note, no name.</summary>
    public string MailtoHref()
    {
        var body = new StringBuilder("Voici les contacts dont nous avons parlé :\n\n");
        foreach (var offer in Offers)
        {
            body.Append(offer.Titre).Append('\n');
            if (offer.Contact?.Telephone is { } phone)
            {
                body.Append("Tél. ").Append(phone).Append('\n');
            }

            foreach (var place in offer.Lieux.Take(2))
            {
                body.Append(Address(place)).Append('\n');
                if (place.OpeningHours is { } hours)
                {
                    body.Append("Horaires : ").Append(string.Join(" ; ", OpeningHoursFormatter.Describe(hours))).Append('\n');
                }
            }

            body.Append(links.Offer(offer.Id).AbsoluteUri).Append("\n\n");
        }

        return "mailto:?subject=" + Uri.EscapeDataString("Vos contacts pour avancer") + "&body=" + Uri.EscapeDataString(body.ToString());
    }

    /// <summary>A prefilled <c>sms:</c>: short title lines and page links. No note, no name.</summary>
    public string SmsHref()
    {
        var body = new StringBuilder();
        foreach (var offer in Offers)
        {
            body.Append(offer.Titre.Length > 60 ? offer.Titre[..57] + "…" : offer.Titre);
            if (offer.Contact?.Telephone is { } phone)
            {
                body.Append(" – ").Append(phone);
            }

            body.Append(' ').Append(links.Offer(offer.Id).AbsoluteUri).Append('\n');
        }

        return "sms:?&body=" + Uri.EscapeDataString(body.ToString().TrimEnd());
    }

    /// <summary>« 3 rue des Ateliers, 45200 Amilly ».</summary>
    public static string Address(OfferPlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        var town = string.Join(' ', new[] { place.CodePostal, place.Commune }.OfType<string>());
        return string.Join(", ", new[] { place.Nom, place.Adresse, town.Length > 0 ? town : null }.OfType<string>());
    }

    private static string Local(IEnumerable<string> ids) => "/selection" + QueryString.Create(ids.Select(id => new KeyValuePair<string, string?>("o", id)));
}
