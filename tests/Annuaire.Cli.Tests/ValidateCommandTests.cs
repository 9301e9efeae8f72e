using System.Text.Json;

namespace Annuaire.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public void Validate_WhenContentHasErrors_ExitsOneWithLocatedLines()
    {
        var (code, output, _) = CliRunner.Run("validate", "--content", CliRunner.TestContent);
        Assert.Equal(1, code);
        var line = Assert.Single(output.Split('\n'), l => l.Contains(": error ", StringComparison.Ordinal));
        Assert.Matches(@"offres/loiret/permis-casse\.md:5:15: error ANN007: ", line);
        Assert.Contains("2 fichiers lus, 1 offres valides", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenFormatGithub_PrintsAnnotationsOnTheRightLine()
    {
        var (_, output, _) = CliRunner.Run("validate", "--content", CliRunner.TestContent, "--format", "github");
        var annotation = Assert.Single(output.Split('\n'), l => l.StartsWith("::error ", StringComparison.Ordinal));
        Assert.Matches(@"^::error file=.*offres/loiret/permis-casse\.md,line=5,col=15,title=ANN007::", annotation);
    }

    [Fact]
    public void Validate_WhenFormatJson_IsParseableWithCounts()
    {
        var (_, output, _) = CliRunner.Run("validate", "--content", CliRunner.TestContent, "--format", "json");
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("files").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("offers").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("errors").GetInt32());
        var diagnostic = json.RootElement.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("severity").GetString() == "error");
        Assert.Equal("ANN007", diagnostic.GetProperty("code").GetString());
        Assert.Equal(5, diagnostic.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Validate_WhenOnlyWarningsAndWarningsAsErrors_ExitsOne()
    {
        var copy = CliRunner.CopyOfTestContent();
        try
        {
            File.Delete(Path.Combine(copy.FullName, "offres", "loiret", "permis-casse.md"));
            var stale = Path.Combine(copy.FullName, "offres", "loiret", "garage-solidaire-montargois.md");
            File.WriteAllText(stale, File.ReadAllText(stale).Replace("date_maj: 2026-08-25", "date_maj: 2024-08-25", StringComparison.Ordinal));
            Assert.Equal(0, CliRunner.Run("validate", "--content", copy.FullName).ExitCode);
            Assert.Equal(1, CliRunner.Run("validate", "--content", copy.FullName, "--warnings-as-errors").ExitCode);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [Fact]
    public void Validate_WhenFolderMissing_ExitsTwoWithFrenchMessage()
    {
        var (code, _, error) = CliRunner.Run("validate", "--content", "/nonexistent/annuaire");
        Assert.Equal(2, code);
        Assert.Contains("introuvable", error, StringComparison.Ordinal);
    }
}
