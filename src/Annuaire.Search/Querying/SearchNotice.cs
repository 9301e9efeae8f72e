namespace Annuaire.Search.Querying;

/// <summary>
/// Something the engine did with the request that the user should know: typed values, worded
/// by the site (the engine writes no French).
/// </summary>
public abstract record SearchNotice
{
    private protected SearchNotice()
    {
    }

    /// <summary>The text was cut to <paramref name="MaxLength"/> characters.</summary>
    public sealed record TextShortened(int MaxLength) : SearchNotice;

    /// <summary>Only the first <paramref name="MaxWords"/> words were searched.</summary>
    public sealed record WordsLimited(int MaxWords) : SearchNotice;

    /// <summary>Typo tolerance was applied to the first <paramref name="MaxWords"/> unknown words only.</summary>
    public sealed record TypoToleranceLimited(int MaxWords) : SearchNotice;

    /// <summary>The territory filter <paramref name="Typed"/> is not a known place: ignored.</summary>
    public sealed record TerritoryNotRecognized(string Typed) : SearchNotice;

    /// <summary>A five-digit word looked like a postal code that does not exist: searched as a word.</summary>
    public sealed record UnknownPostalCode(string Code) : SearchNotice;

    /// <summary>A place was read in the text and used as the territory filter.</summary>
    public sealed record PlaceRecognized(Territory Territory) : SearchNotice;

    /// <summary>No index is served yet (first build in progress).</summary>
    public sealed record IndexNotReady : SearchNotice;
}
