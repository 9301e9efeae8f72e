namespace Annuaire.Content.Model;

/// <summary>The editorial status of an offer (<c>statut</c>).</summary>
public enum OfferStatus
{
    /// <summary><c>actif</c>: shown normally.</summary>
    Actif,

    /// <summary><c>suspendu</c>: shown with a warning badge.</summary>
    Suspendu,

    /// <summary><c>archive</c>: hidden from search by default.</summary>
    Archive,
}
