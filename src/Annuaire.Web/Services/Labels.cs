using System.Globalization;
using Annuaire.Content.Model;
using Annuaire.Content.Referentials;
using Annuaire.Content.Scheduling;
using Annuaire.Search.Querying;

namespace Annuaire.Web.Services;

/// <summary>French labels for keys, from the referentials of the index being served.</summary>
public sealed class Labels(ReferentialSet? referentials)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The label of a facet value.</summary>
    public string Of(FacetDimension dimension, string value)
    {
        if (referentials is null)
        {
            return value;
        }

        // A thématique filter holds families too: the label comes from the dimension the value belongs to.
        var definition = FacetDimensions.CountedBy(dimension.Definition().Filter).FirstOrDefault(d => d.Accepts(value)) ?? dimension.Definition();
        return definition.Label(referentials, value);
    }

    /// <summary>The facets of the search page, in display order, with their French names.</summary>
    public static IReadOnlyList<(FacetDimension Dimension, string Name)> Panel { get; } =
    [
        (FacetDimension.Famille, "Thématique"),
        (FacetDimension.Thematique, "Sous-thématique"),
        (FacetDimension.Departement, "Territoire"),
        (FacetDimension.Public, "Public"),
        (FacetDimension.Porteur, "Porteur"),
        (FacetDimension.Type, "Type de service"),
        (FacetDimension.ModeAccueil, "Accueil"),
        (FacetDimension.Frais, "Frais"),
    ];

    /// <summary>French name of a dimension.</summary>
    public static string Name(FacetDimension dimension) => Panel.First(p => p.Dimension == dimension).Name;

    /// <summary>The French sentence of a search notice.</summary>
    public string Notice(SearchNotice notice) => NoticeWording.Of(notice, referentials?.Territories);

    /// <summary>The name of a place read in a query: a postal code with its communes, a région, a commune, a département…</summary>
    public string Place(Territory territory) => NoticeWording.Place(territory, referentials?.Territories);

    /// <summary>Label of a territory code.</summary>
    public string Territory(string code) => referentials?.Territories.NameOf(code) ?? code;

    /// <summary>Porteur name.</summary>
    public string Porteur(string key) => referentials?.PorteurName(key) ?? key;

    /// <summary>Label of a mobilisation mode.</summary>
    public string Mobilisation(string key) => referentials?.ModesMobilisation.Label(key) ?? key;

    /// <summary>The publics of an offer, in one line.</summary>
    public string Publics(Offer offer) => string.Join(", ", offer.Publics.Select(p => Of(FacetDimension.Public, p)));

    /// <summary>The eligibility zones of an offer, in one line.</summary>
    public string Zones(Offer offer) => string.Join(", ", offer.ZoneEligibilite.Select(Territory));

    /// <summary>« Payant : pièces au prix coûtant », or null when the offer says nothing of fees.</summary>
    public string? Fees(Offer offer) =>
        offer.Frais is null && offer.FraisPrecisions is null ? null
        : string.Join(" : ", new[] { offer.Frais is { } f ? Of(FacetDimension.Frais, f) : null, offer.FraisPrecisions }.OfType<string>());

    /// <summary>« ouvert le samedi », « 24 h/24 »… for the notable features of a week.</summary>
    public static IReadOnlyList<string> Hints(OpeningHints hints) =>
    [
        .. new (OpeningHints Flag, string Text)[]
        {
            (OpeningHints.AlwaysOpen, "24 h/24, 7 j/7"),
            (OpeningHints.Saturday, "ouvert le samedi"),
            (OpeningHints.Sunday, "ouvert le dimanche"),
            (OpeningHints.Evening, "ouvert en soirée"),
        }.Where(h => hints.HasFlag(h.Flag)).Select(h => h.Text),
    ];

    /// <summary>« du 1 août au 21 août 2026 (travaux) ».</summary>
    public static string Closure(TemporaryClosure closure)
    {
        ArgumentNullException.ThrowIfNull(closure);
        return $"du {closure.Du.ToString("d MMMM", French)} au {Date(closure.Au)}{(closure.Motif is { } m ? $" ({m})" : string.Empty)}";
    }

    /// <summary>The <c>tel:</c> target of a phone number as written (digits and +).</summary>
    public static string TelHref(string phone) => "tel:" + new string([.. (phone ?? string.Empty).Where(c => char.IsAsciiDigit(c) || c == '+')]);

    /// <summary>« 12 mars 2026 ».</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", French);
}
