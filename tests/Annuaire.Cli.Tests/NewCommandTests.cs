namespace Annuaire.Cli.Tests;

public sealed class NewCommandTests
{
    [Fact]
    public void New_WhenValidOptions_WritesAFileThatValidates()
    {
        var copy = CliRunner.CopyOfTestContent();
        try
        {
            File.Delete(Path.Combine(copy.FullName, "offres", "loiret", "permis-casse.md"));
            var (code, output, _) = CliRunner.Run("new", "--content", copy.FullName, "--titre", "Aide au permis B à Gien", "--porteur", "cd45",
                "--thematique", "mobilite--preparer-un-permis", "--zone", "45155");
            Assert.Equal(0, code);
            Assert.Contains("aide-au-permis-b-a-gien", output, StringComparison.Ordinal);
            var path = Path.Combine(copy.FullName, "offres", "loiret", "aide-au-permis-b-a-gien.md");
            Assert.True(File.Exists(path));

            // Its « À compléter » placeholders are errors until the editor replaces them.
            var (validateCode, validateOutput, _) = CliRunner.Run("validate", "--content", copy.FullName);
            Assert.Equal(1, validateCode);
            Assert.Contains("ANN030", validateOutput, StringComparison.Ordinal);
            var text = File.ReadAllText(path)
                .Replace("À compléter : une phrase qui résume l'offre pour la liste de résultats.", "Une aide du Département pour financer le permis B des personnes en insertion.", StringComparison.Ordinal)
                .Replace("\"À compléter.\"", "\"Pièce d'identité\"", StringComparison.Ordinal)
                .Replace("À compléter : ce qu'est l'offre, en quelques phrases simples.", "Le Département finance une partie du permis B.", StringComparison.Ordinal)
                .Replace("À compléter.", "Voir avec le conseiller.", StringComparison.Ordinal);
            File.WriteAllText(path, text);
            Assert.Equal(0, CliRunner.Run("validate", "--content", copy.FullName).ExitCode);

            // Same slug again: refused.
            Assert.Equal(1, CliRunner.Run("new", "--content", copy.FullName, "--titre", "Aide au permis B à Gien", "--porteur", "cd45",
                "--thematique", "mobilite--preparer-un-permis", "--zone", "45155").ExitCode);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [Fact]
    public void New_WhenUnknownPorteur_RefusesAndWritesNothing()
    {
        var copy = CliRunner.CopyOfTestContent();
        try
        {
            var before = Directory.GetFiles(copy.FullName, "*.md", SearchOption.AllDirectories).Length;
            var (code, _, error) = CliRunner.Run("new", "--content", copy.FullName, "--titre", "Aide inconnue", "--porteur", "cd99",
                "--thematique", "mobilite--preparer-un-permis", "--zone", "45");
            Assert.Equal(1, code);
            Assert.Contains("ANN007", error, StringComparison.Ordinal);
            Assert.Equal(before, Directory.GetFiles(copy.FullName, "*.md", SearchOption.AllDirectories).Length);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }
}
