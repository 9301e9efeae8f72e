namespace Annuaire.Content.Diagnostics;

/// <summary>
/// The stable diagnostic codes. Codes never change meaning once published: editors and tools
/// search for them. ANN0xx are errors on offers, ANN1xx warnings, ANN2xx referential errors.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The file cannot be read or is not valid UTF-8.</summary>
    public const string UnreadableFile = "ANN001";
    /// <summary>No YAML front-matter between <c>---</c> lines at the top of the file.</summary>
    public const string MissingFrontMatter = "ANN002";
    /// <summary>The front-matter is not valid YAML (or not a mapping).</summary>
    public const string MalformedYaml = "ANN003";
    /// <summary>A key the schema does not know.</summary>
    public const string UnknownKey = "ANN004";
    /// <summary>A required key is absent or empty.</summary>
    public const string MissingRequiredKey = "ANN005";
    /// <summary>A value has the wrong shape (list instead of text, text instead of list…).</summary>
    public const string WrongType = "ANN006";
    /// <summary>A value is not in its referential.</summary>
    public const string UnknownReferentialValue = "ANN007";
    /// <summary>A date is not a valid <c>AAAA-MM-JJ</c> date.</summary>
    public const string InvalidDate = "ANN008";
    /// <summary><c>date_maj</c> is in the future.</summary>
    public const string DateInFuture = "ANN009";
    /// <summary><c>valide_jusqu_au</c> is before <c>valide_du</c>.</summary>
    public const string InvalidDateRange = "ANN010";
    /// <summary>A territory code (département, commune INSEE, EPCI SIREN) is invalid.</summary>
    public const string InvalidTerritoryCode = "ANN011";
    /// <summary>A postal code is invalid.</summary>
    public const string InvalidPostalCode = "ANN012";
    /// <summary>A phone number is not in a French format.</summary>
    public const string InvalidPhone = "ANN013";
    /// <summary>An email address is invalid.</summary>
    public const string InvalidEmail = "ANN014";
    /// <summary>A URL is invalid.</summary>
    public const string InvalidUrl = "ANN015";
    /// <summary>A link in the front-matter is not https.</summary>
    public const string InsecureLink = "ANN016";
    /// <summary>Two files share a slug.</summary>
    public const string DuplicateSlug = "ANN017";
    /// <summary>The Markdown body is empty.</summary>
    public const string EmptyBody = "ANN018";
    /// <summary>Raw HTML in the body.</summary>
    public const string RawHtml = "ANN019";
    /// <summary>A link or image in the body uses a forbidden scheme (<c>javascript:</c>…) or is an image.</summary>
    public const string UnsafeLink = "ANN020";
    /// <summary>The file name is not a valid slug.</summary>
    public const string InvalidSlug = "ANN021";
    /// <summary>A text is too short or too long.</summary>
    public const string InvalidLength = "ANN022";
    /// <summary>Opening hours are not in the supported OpenStreetMap syntax.</summary>
    public const string InvalidOpeningHours = "ANN023";
    /// <summary>Latitude or longitude out of range.</summary>
    public const string InvalidCoordinates = "ANN024";
    /// <summary>A key appears twice in the front-matter.</summary>
    public const string DuplicateKey = "ANN025";
    /// <summary>The front-matter uses a YAML feature refused for safety: anchors (<c>&amp;a</c>), aliases (<c>*a</c>), complex keys, deep nesting.</summary>
    public const string UnsupportedYaml = "ANN026";
    /// <summary>The file is larger than the size cap (checked before it is read).</summary>
    public const string FileTooLarge = "ANN027";
    /// <summary>A symbolic link, or anything else than a regular file or folder, under the content root.</summary>
    public const string NotARegularFile = "ANN028";
    /// <summary>Checking the file took longer than its time budget.</summary>
    public const string TooSlowToValidate = "ANN029";
    /// <summary>A « À compléter » placeholder left by <c>annuaire new</c>.</summary>
    public const string Placeholder = "ANN030";

    /// <summary>Warning: <c>date_maj</c> is older than the freshness threshold.</summary>
    public const string StaleOffer = "ANN100";
    /// <summary>Warning: the offer is past <c>valide_jusqu_au</c>.</summary>
    public const string ExpiredOffer = "ANN101";
    /// <summary>Error: a well-formed commune or EPCI code that the Code officiel géographique does not know.</summary>
    public const string UnknownTerritory = "ANN102";
    /// <summary>Warning: inconsistent data (postal code vs commune, mobilisation mode without its contact…).</summary>
    public const string Inconsistency = "ANN103";
    /// <summary>Warning: a value listed twice.</summary>
    public const string DuplicateValue = "ANN104";
    /// <summary>Warning: probably the same offer as another file.</summary>
    public const string ProbableDuplicate = "ANN105";
    /// <summary>Warning: an <c>http://</c> link in the body (prefer https).</summary>
    public const string HttpLinkInBody = "ANN106";
    /// <summary>Warning: more diagnostics of one code than the cap; this one counts the rest (« … et N autres »).</summary>
    public const string MoreDiagnostics = "ANN107";
    /// <summary>Warning: a <c>fermeture_temporaire</c> that is over.</summary>
    public const string PastClosure = "ANN108";

    /// <summary>A referential file is missing or malformed.</summary>
    public const string InvalidReferential = "ANN200";
}
