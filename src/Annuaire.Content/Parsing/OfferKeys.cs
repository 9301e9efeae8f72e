namespace Annuaire.Content.Parsing;

/// <summary>The front-matter keys (data·inclusion v1 names), in one place.</summary>
public static class OfferKeys
{
#pragma warning disable CS1591 // Each constant is the key it names.
    public const string Titre = "titre";
    public const string Resume = "resume";
    public const string Porteur = "porteur";
    public const string Partenaires = "partenaires";
    public const string Thematiques = "thematiques";
    public const string Type = "type";
    public const string Publics = "publics";
    public const string PublicsPrecisions = "publics_precisions";
    public const string ZoneEligibilite = "zone_eligibilite";
    public const string ModesAccueil = "modes_accueil";
    public const string Frais = "frais";
    public const string FraisPrecisions = "frais_precisions";
    public const string ConditionsAcces = "conditions_acces";
    public const string Justificatifs = "justificatifs";
    public const string ModesMobilisation = "modes_mobilisation";
    public const string MobilisablePar = "mobilisable_par";
    public const string MobilisationPrecisions = "mobilisation_precisions";
    public const string LienMobilisation = "lien_mobilisation";
    public const string Contact = "contact";
    public const string Lieux = "lieux";
    public const string MotsCles = "mots_cles";
    public const string DateMaj = "date_maj";
    public const string ValideDu = "valide_du";
    public const string ValideJusquAu = "valide_jusqu_au";
    public const string Statut = "statut";
    public const string FermetureTemporaire = "fermeture_temporaire";
#pragma warning restore CS1591

    /// <summary>Every key allowed at the top of the front-matter.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Titre, Resume, Porteur, Partenaires, Thematiques, Type, Publics, PublicsPrecisions, ZoneEligibilite,
        ModesAccueil, Frais, FraisPrecisions, ConditionsAcces, Justificatifs, ModesMobilisation, MobilisablePar,
        MobilisationPrecisions, LienMobilisation, Contact, Lieux, MotsCles, DateMaj, ValideDu, ValideJusquAu, Statut,
        FermetureTemporaire,
    ];

    /// <summary>Keys allowed under <c>contact</c>.</summary>
    public static IReadOnlyList<string> ContactKeys { get; } = ["nom", "telephone", "courriel", "site"];

    /// <summary>Keys allowed in each <c>lieux</c> entry.</summary>
    public static IReadOnlyList<string> PlaceKeys { get; } = ["nom", "adresse", "code_postal", "commune", "code_insee", "horaires", "latitude", "longitude"];

    /// <summary>Keys allowed under <c>fermeture_temporaire</c>.</summary>
    public static IReadOnlyList<string> ClosureKeys { get; } = ["du", "au", "motif"];

    /// <summary>
    /// Every key an editor may write, nested ones qualified (<c>contact.telephone</c>): the
    /// candidates of « valeurs proches » when a key is misspelt or put at the wrong level.
    /// </summary>
    public static IReadOnlyList<string> Qualified { get; } =
    [
        .. All,
        .. ContactKeys.Select(k => Contact + "." + k),
        .. PlaceKeys.Select(k => Lieux + "." + k),
        .. ClosureKeys.Select(k => FermetureTemporaire + "." + k),
    ];
}
