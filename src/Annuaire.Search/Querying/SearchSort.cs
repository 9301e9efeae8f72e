namespace Annuaire.Search.Querying;

/// <summary>Result order.</summary>
public enum SearchSort
{
    /// <summary>Best match first (browse without text: by title).</summary>
    Pertinence,
    /// <summary>Most recently verified first.</summary>
    DateMaj,
    /// <summary>Alphabetical by title.</summary>
    Titre,
}
