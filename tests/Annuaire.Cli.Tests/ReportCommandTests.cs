namespace Annuaire.Cli.Tests;

public sealed class ReportCommandTests
{
    [Fact]
    public void Report_WhenSearchGapsFileGiven_AddsPublishedRowsSectionInMarkdown()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("annuaire-gaps-").FullName, "gaps.json");
        try
        {
            File.WriteAllText(file, """
                {"version":1,"seuil":3,"lignes":[
                  {"semaine":"2026-W47","mots":"enfant garde nuit","territoire":"61","recherches":4,"sansResultat":3},
                  {"semaine":"2026-W47","mots":"rare","territoire":"","recherches":2,"sansResultat":2}]}
                """);
            var (code, output, _) = CliRunner.Run("report", CliRunner.TestContent, "--format", "markdown", "--recherches", file);
            Assert.Equal(0, code);
            var section = output[output.IndexOf("## Recherches sans réponse", StringComparison.Ordinal)..];
            Assert.Contains("| 2026-W47 | enfant garde nuit | Orne (61) | 4 | 3 |", section, StringComparison.Ordinal);
            Assert.DoesNotContain("rare", section, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Fact]
    public void Report_WhenNoSearchGapsFile_HasNoSection() =>
        Assert.DoesNotContain("Recherches sans réponse", CliRunner.Run("report", CliRunner.TestContent, "--format", "markdown").Output, StringComparison.Ordinal);

    [Fact]
    public void Report_WhenSearchGapsFileMissing_FailsWithMessage()
    {
        var (code, _, error) = CliRunner.Run("report", CliRunner.TestContent, "--recherches", "/nonexistent/gaps.json");
        Assert.Equal(1, code);
        Assert.Contains("introuvable", error, StringComparison.Ordinal);
    }
}
