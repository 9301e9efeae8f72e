namespace Annuaire.EndToEnd;

/// <summary>
/// Finds a Chromium to drive, in order: <c>ANNUAIRE_CHROMIUM</c>, Debian's <c>/usr/bin/chromium</c>,
/// then Playwright's own browser cache (<c>PLAYWRIGHT_BROWSERS_PATH</c> or <c>~/.cache/ms-playwright</c>).
/// <c>ANNUAIRE_CHROMIUM=none</c> turns the browser tests off.
/// Never downloads one.
/// </summary>
public static class ChromiumLocator
{
    /// <summary>Set to 1 by CI: a missing browser is then a failure, never a skip.</summary>
    public const string RequireVariable = "ANNUAIRE_REQUIRE_BROWSER";

    /// <summary>What a developer runs to get the browser tests on Debian or Ubuntu.</summary>
    public const string InstallHint = "sudo apt-get install -y chromium (ou ANNUAIRE_CHROMIUM=/chemin/vers/chromium)";

    /// <summary>True when CI asked for every browser test to run.</summary>
    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>The executable path, or null when no browser is installed.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("ANNUAIRE_CHROMIUM") is { Length: > 0 } configured)
        {
            if (configured == "none")
            {
                return null; // Browser tests deliberately off (and how the skip path is checked).
            }


            // An explicit setting that points nowhere is a mistake to report, not a reason to look elsewhere.
            return File.Exists(configured) ? configured : throw new FileNotFoundException($"ANNUAIRE_CHROMIUM désigne un fichier absent : {configured}");
        }

        if (File.Exists("/usr/bin/chromium"))
        {
            return "/usr/bin/chromium";
        }

        var cache = Environment.GetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ms-playwright");
        if (!System.IO.Directory.Exists(cache))
        {
            return null;
        }

        return System.IO.Directory.EnumerateDirectories(cache, "chromium*")
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .Select(d => new[] { Path.Combine(d, "chrome-linux64", "chrome"), Path.Combine(d, "chrome-linux", "chrome"), Path.Combine(d, "chrome-linux", "headless_shell"), Path.Combine(d, "chrome-linux64", "chrome-headless-shell") }.FirstOrDefault(File.Exists))
            .FirstOrDefault(path => path is not null);
    }
}
