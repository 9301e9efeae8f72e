namespace Annuaire.Content.Tests;

/// <summary>Locations shared by the tests.</summary>
internal static class TestPaths
{
    /// <summary>The repository root (the folder holding Directory.sln).</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Directory.sln introuvable.");
    }

    /// <summary>The repository's real content folder.</summary>
    public static string RealContent => Path.Combine(RepositoryRoot(), "content");
}
