namespace Annuaire.Search.Indexing;

/// <summary>The index field names, in one place.</summary>
public static class OfferFields
{
#pragma warning disable CS1591 // Each constant is the field it names.
    public const string Id = "id";
    public const string IdValue = "id_value";

    // Full text (French analysis, synonyms at index time).
    public const string Titre = "titre";
    public const string Resume = "resume";
    /// <summary>
    /// The body's plain text, then every other word of the offer but places (title, summary,
    /// keywords, labels, structures) after it, in one value: the one field a word is matched in.
    /// Offsets below the body's length are offsets in the body text.
    /// </summary>
    public const string Body = "body";
    public const string BodyPages = "body_pages";
    public const string MotsCles = "mots_cles";
    public const string Tags = "tags";
    public const string Territoire = "territoire";

    // Search-as-you-type and spelling.
    public const string Suggest = "suggest";
    public const string Spell = "spell";

    // Filters and facets (StringField + SortedSetDocValuesField of the same name).
    public const string FThematique = "f_thematique";
    public const string FFamille = "f_famille";
    public const string FPublic = "f_public";
    public const string FType = "f_type";
    public const string FPorteur = "f_porteur";
    public const string FDepartement = "f_departement";
    public const string FModeAccueil = "f_mode_accueil";
    public const string FFrais = "f_frais";

    // Territory matching and sorting.
    public const string Zone = "zone";
    public const string DateMaj = "date_maj";
    public const string TitreSort = "titre_sort";

    // Where the offer is physically (lieux) and eligible (zones), for « local first » ranking.
    public const string Locality = "locality";
#pragma warning restore CS1591
}
