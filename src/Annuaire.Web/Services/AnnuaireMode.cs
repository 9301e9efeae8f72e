namespace Annuaire.Web.Services;

/// <summary>How a site instance gets its index (<c>Annuaire:Mode</c>).</summary>
public enum AnnuaireMode
{
    /// <summary>Builds its own index from the content folder and rebuilds it when the content changes (one machine; the default).</summary>
    Standalone,

    /// <summary>Never builds: serves the version designated in a shared folder of published versions (<c>Annuaire:IndexSource</c>).</summary>
    Replica,
}
