using Annuaire.Content.Diagnostics;

namespace Annuaire.Web.Services;

/// <summary>
/// Where the index being served comes from and how its last update went: <see cref="CatalogHost"/>
/// (built from the content) or <see cref="ReplicaHost"/> (published versions). Read by health, the
/// diagnostics page and the output cache. Reasons are French and carry no server path.
/// </summary>
public interface ICatalogSource
{
    /// <summary>How this instance gets its index.</summary>
    AnnuaireMode Mode { get; }

    /// <summary>
    /// The version served: the published version's name for a replica, the start of the content
    /// fingerprint otherwise; null before the first index. Equal versions serve equal pages, so the
    /// output cache (shared between instances with Redis) is keyed by it.
    /// </summary>
    string? IndexVersion { get; }

    /// <summary>Diagnostics of the content last loaded (empty for a replica: CI validated it).</summary>
    IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Why the last update failed (the previous index keeps serving), or null.</summary>
    string? LastError { get; }

    /// <summary>Why the last save of the index on disk failed, or null.</summary>
    string? SaveError { get; }

    /// <summary>Where the index served at start-up came from.</summary>
    string StartupSource { get; }

    /// <summary>How long a known change has been waiting to be served, or null.</summary>
    TimeSpan? ChangePendingFor { get; }

    /// <summary>Whether the index is saved on disk by this instance (<c>Annuaire:IndexPath</c>).</summary>
    bool IndexSaved { get; }
}
