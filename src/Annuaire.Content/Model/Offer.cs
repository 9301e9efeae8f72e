namespace Annuaire.Content.Model;

/// <summary>
/// One service offer, as loaded from <c>content/offres/**/&lt;slug&gt;.md</c>. Property names
/// follow the front-matter keys (data·inclusion v1 schema). Immutable once loaded.
/// </summary>
public sealed record Offer
{
    /// <summary>The slug (file name without extension): the offer's stable id.</summary>
    public required string Id { get; init; }

    /// <summary>Path of the source file relative to the content root (forward slashes).</summary>
    public required string SourcePath { get; init; }

    /// <summary>Title (3–150 characters).</summary>
    public required string Titre { get; init; }

    /// <summary>One-sentence summary for result cards (20–280 characters).</summary>
    public required string Resume { get; init; }

    /// <summary>Key of the structure that delivers the offer.</summary>
    public required string Porteur { get; init; }

    /// <summary>Keys of co-delivering structures.</summary>
    public IReadOnlyList<string> Partenaires { get; init; } = [];

    /// <summary>data·inclusion thématique keys (at least one).</summary>
    public required IReadOnlyList<string> Thematiques { get; init; }

    /// <summary>data·inclusion service type, if given.</summary>
    public string? Type { get; init; }

    /// <summary>data·inclusion publics (defaults to <c>tous-publics</c>).</summary>
    public IReadOnlyList<string> Publics { get; init; } = [TousPublics];

    /// <summary>Details on the publics (age range, situation…).</summary>
    public string? PublicsPrecisions { get; init; }

    /// <summary>Eligibility zone codes: <c>france</c>, département, commune INSEE, EPCI SIREN.</summary>
    public required IReadOnlyList<string> ZoneEligibilite { get; init; }

    /// <summary>en-presentiel, a-distance.</summary>
    public IReadOnlyList<string> ModesAccueil { get; init; } = [];

    /// <summary>gratuit or payant, if given.</summary>
    public string? Frais { get; init; }

    /// <summary>Details on fees.</summary>
    public string? FraisPrecisions { get; init; }

    /// <summary>Access conditions, prerequisites, documents.</summary>
    public string? ConditionsAcces { get; init; }

    /// <summary>Documents the person must bring (<c>justificatifs</c>), in the editor's order.</summary>
    public IReadOnlyList<string> Justificatifs { get; init; } = [];

    /// <summary>How the offer is mobilised (telephoner, se-presenter…).</summary>
    public IReadOnlyList<string> ModesMobilisation { get; init; } = [];

    /// <summary>Who can mobilise it (professionnels, usagers).</summary>
    public IReadOnlyList<string> MobilisablePar { get; init; } = [];

    /// <summary>Details on how to mobilise the offer.</summary>
    public string? MobilisationPrecisions { get; init; }

    /// <summary>https link to request the offer.</summary>
    public Uri? LienMobilisation { get; init; }

    /// <summary>Contact details, if any.</summary>
    public OfferContact? Contact { get; init; }

    /// <summary>Places where the offer is delivered.</summary>
    public IReadOnlyList<OfferPlace> Lieux { get; init; } = [];

    /// <summary>Free keywords added by editors for findability.</summary>
    public IReadOnlyList<string> MotsCles { get; init; } = [];

    /// <summary>Date of the last human verification.</summary>
    public required DateOnly DateMaj { get; init; }

    /// <summary>First day of validity, if bounded.</summary>
    public DateOnly? ValideDu { get; init; }

    /// <summary>Last day of validity, if bounded.</summary>
    public DateOnly? ValideJusquAu { get; init; }

    /// <summary>Editorial status.</summary>
    public OfferStatus Statut { get; init; } = OfferStatus.Actif;

    /// <summary>A temporary closure announced by the editor (<c>fermeture_temporaire</c>), if any.</summary>
    public TemporaryClosure? FermetureTemporaire { get; init; }

    /// <summary>
    /// The Markdown body (full description), without the front-matter. Held compressed and decoded
    /// on each read (<see cref="CompressedText"/>): read it once into a local rather than property by property.
    /// </summary>
    public required string Body
    {
        get => _body.ToString();
        init => _body = new CompressedText(value);
    }

    private readonly CompressedText _body = null!; // Set by the required Body.

    /// <summary>1-based line of the file where the body starts (to locate body diagnostics).</summary>
    public int BodyLine { get; init; }

    /// <summary>The public value meaning "everyone".</summary>
    public const string TousPublics = "tous-publics";

    /// <summary>The zone value meaning "all of France".</summary>
    public const string France = "france";

    /// <summary>The thématique families (the part before <c>--</c>) of this offer, distinct.</summary>
    public IEnumerable<string> ThematiqueFamilies => Thematiques.Select(ThematiqueFamily.Of).Distinct(StringComparer.Ordinal);

    /// <summary>Whether the offer is past its validity on <paramref name="today"/>.</summary>
    public bool IsExpired(DateOnly today) => ValideJusquAu is { } end && end < today;

    /// <summary>Whether the offer is temporarily closed on <paramref name="day"/>.</summary>
    public bool IsClosedOn(DateOnly day) => FermetureTemporaire?.Covers(day) == true;

    /// <summary>Whether <see cref="DateMaj"/> is older than <paramref name="months"/> months on <paramref name="today"/>.</summary>
    public bool IsStale(DateOnly today, int months) => DateMaj < today.AddMonths(-months);
}
