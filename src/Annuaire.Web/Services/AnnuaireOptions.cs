using System.ComponentModel.DataAnnotations;

namespace Annuaire.Web.Services;

/// <summary>Site settings (section <c>Annuaire</c>), validated at start-up.</summary>
public sealed class AnnuaireOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Annuaire";

    /// <summary>Content folder (holding offres/ and referentiels/); empty = the repository's <c>content</c> folder.</summary>
    public string ContentPath { get; set; } = string.Empty;

    /// <summary>
    /// Folder where the index is saved after each build and read back at start-up (fast start on
    /// large catalogues); empty = in memory only. One site instance per folder.
    /// </summary>
    public string IndexPath { get; set; } = string.Empty;

    /// <summary>
    /// The site's public address (scheme and host, no trailing slash), for every absolute link
    /// printed or sent: handout, QR codes, courriel and SMS. Never taken from the request's Host.
    /// </summary>
    [Required]
    [Url]
    public string PublicUrl { get; set; } = "http://localhost:5000";

    /// <summary>
    /// File of the « recherches sans réponse » counts; empty = next to the index folder
    /// (<c>IndexPath</c> + <c>.recherches-sans-reponse.json</c>), or in memory only without one.
    /// </summary>
    public string SearchGapsPath { get; set; } = string.Empty;

    /// <summary>« Proposer une modification » link; <c>{path}</c> is replaced by the offer's file path under content/.</summary>
    [Required]
    public string EditUrlTemplate { get; set; } = "https://github.com/annuaire/annuaire/edit/main/content/{path}";

    /// <summary>Offers verified longer ago than this are shown « à vérifier ».</summary>
    [Range(1, 120)]
    public int StaleAfterMonths { get; set; } = 12;

    /// <summary>Quiet time after the last file change before the index is rebuilt.</summary>
    [Range(50, 60_000)]
    public int ReloadDebounceMilliseconds { get; set; } = 500;

    /// <summary>Requests allowed per minute and client before a 429.</summary>
    [Range(10, 1_000_000)]
    public int RequestsPerMinutePerClient { get; set; } = 600;

    /// <summary>The content folder to use: the configured one, else <c>content</c> found upwards from the working directory.</summary>
    public string ResolveContentPath()
    {
        if (!string.IsNullOrWhiteSpace(ContentPath))
        {
            return Path.GetFullPath(ContentPath);
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (Directory.Exists(Path.Combine(candidate, "offres")))
            {
                return candidate;
            }
        }

        return Path.GetFullPath("content");
    }
}
