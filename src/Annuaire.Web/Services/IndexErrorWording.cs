using Annuaire.Search.Indexing;

namespace Annuaire.Web.Services;

/// <summary>
/// The French sentences of the engine's index failures (<see cref="IndexUnusableException"/>,
/// <see cref="IndexWriteException"/>), in one place for the site and the command line (which
/// links this file). <see cref="Problem"/> never names a server path (health is public);
/// <see cref="Of(Exception)"/> does, for the operator or editor who typed it.
/// </summary>
internal static class IndexErrorWording
{
    /// <summary>Why a published version (or the manifest, <paramref name="version"/> null) is refused, without paths.</summary>
    public static string Problem(string? version, IndexProblem problem) => (version, problem) switch
    {
        (null, IndexProblem.Missing) => "Aucune version publiée dans le dossier partagé (manifeste absent)",
        (null, _) => "Manifeste du dossier partagé illisible",
        (_, IndexProblem.Missing) => $"Le manifeste désigne la version {version}, introuvable",
        (_, IndexProblem.Incomplete) => $"Version {version} incomplète (copie en cours ou interrompue)",
        (_, IndexProblem.OtherVersion) => $"Version {version} construite par une autre version du moteur de recherche",
        _ => $"Version {version} corrompue (sommes de contrôle)",
    };

    /// <summary>The sentence of an index failure, with its folder and file; null for any other exception.</summary>
    public static string? Of(Exception exception) => exception switch
    {
        IndexUnusableException e => Unusable(e) + Cause(e.InnerException) + ".",
        IndexWriteException e => Write(e),
        _ => null,
    };

    private static string Unusable(IndexUnusableException e) => (e.Problem, e.Version, e.File) switch
    {
        // A saved index (annuaire index --sortie, the site's IndexPath).
        (IndexProblem.Missing, null, null) => $"Aucun index dans « {e.Location} »",
        (IndexProblem.OtherVersion, null, null) => $"L'index de « {e.Location} » a été écrit par une autre version de l'annuaire : reconstruisez-le",
        (_, null, null) => $"L'index de « {e.Location} » est illisible ou corrompu : reconstruisez-le",

        // The manifest of the published versions.
        (IndexProblem.Missing, null, _) => $"Aucune version publiée dans « {e.Location} » (pas de {e.File})",
        (_, null, _) => $"Le manifeste de « {e.Location} » est illisible ou ne désigne aucune version valide",

        // A published version.
        (IndexProblem.Missing, _, _) => $"La version « {e.Version} » est introuvable dans « {e.Location} »",
        (IndexProblem.OtherVersion, _, _) => $"La version « {e.Version} » a été construite par une autre version du moteur de recherche",
        (IndexProblem.Incomplete, _, null) => $"La version « {e.Version} » est incomplète (copie en cours ou interrompue)",
        (IndexProblem.Incomplete, _, _) => $"La version « {e.Version} » est incomplète : « {e.File} » manque ou est tronqué (copie en cours ou interrompue)",
        (_, _, null) => $"La version « {e.Version} » est illisible dans « {e.Location} »",
        (_, _, _) => $"La version « {e.Version} » est corrompue : « {e.File} » est illisible ou ne correspond pas à sa somme de contrôle",
    };

    private static string Write(IndexWriteException e) => e.Failure switch
    {
        IndexWriteFailure.SaveFailed => $"Écriture de l'index impossible dans « {e.Location} »{Cause(e.InnerException)} : l'index précédent est conservé.",
        IndexWriteFailure.ReplaceFailed => $"Remplacement de l'index impossible dans « {e.Location} »{Cause(e.InnerException)} : l'index précédent est conservé.",
        IndexWriteFailure.VersionExists => $"La version « {e.Version} » existe déjà dans « {e.Location} » : relancez la publication dans une seconde.",
        IndexWriteFailure.PublishFailed => $"Publication de l'index impossible dans « {e.Location} »{Cause(e.InnerException)} : le manifeste désigne toujours la version précédente.",
        _ => $"Écriture du manifeste impossible dans « {e.Location} »{Cause(e.InnerException)} : il désigne toujours la version précédente.",
    };

    /// <summary>The system's own reason, when there is one (« (No space left on device) »).</summary>
    private static string Cause(Exception? inner) => inner is null ? string.Empty : $" ({inner.Message})";
}
