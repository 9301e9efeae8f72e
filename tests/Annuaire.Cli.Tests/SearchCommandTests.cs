using System.Text.Json;

namespace Annuaire.Cli.Tests;

public sealed class SearchCommandTests
{
    [Fact]
    public void Search_WhenJson_PrintsStableContract()
    {
        var (code, output, _) = CliRunner.Run("search", "garage reparation", "--content", CliRunner.TestContent, "--format", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        var result = json.RootElement.GetProperty("results")[0];
        Assert.Equal("garage-solidaire-montargois", result.GetProperty("id").GetString());
        Assert.True(result.GetProperty("score").GetSingle() > 0);
        var snippet = result.GetProperty("snippet");
        var text = snippet.GetProperty("text").GetString()!;
        var marked = snippet.GetProperty("highlights").EnumerateArray().Select(h => text.Substring(h.GetProperty("start").GetInt32(), h.GetProperty("length").GetInt32()).ToLowerInvariant()).ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, m => Assert.True(m.StartsWith("garage", StringComparison.Ordinal) || m.StartsWith("répar", StringComparison.Ordinal), m));
        Assert.DoesNotContain("<mark>", text, StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("facets").GetProperty("famille").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void Search_WhenEngineHasANotice_WordsItInFrench(string format)
    {
        var (code, output, _) = CliRunner.Run("search", "45999 garage", "--content", CliRunner.TestContent, "--format", format);

        Assert.Equal(0, code);
        Assert.Contains("« 45999 » : code postal inconnu, cherché comme un mot.", format == "json"
            ? string.Join('\n', JsonDocument.Parse(output).RootElement.GetProperty("notices").EnumerateArray().Select(n => n.GetString()))
            : output, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_ThenSearchIndex_GivesSameResults()
    {
        var folder = Path.Combine(Path.GetTempPath(), "annuaire-cli-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Equal(0, CliRunner.Run("index", "--content", CliRunner.TestContent, "--out", folder).ExitCode);
            var fromIndex = CliRunner.Run("search", "garage", "--content", CliRunner.TestContent, "--index", folder, "--format", "json").Output;
            var fromContent = CliRunner.Run("search", "garage", "--content", CliRunner.TestContent, "--format", "json").Output;
            using var a = JsonDocument.Parse(fromIndex);
            using var b = JsonDocument.Parse(fromContent);
            Assert.Equal(b.RootElement.GetProperty("total").GetInt32(), a.RootElement.GetProperty("total").GetInt32());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void SearchIndex_WhenIndexDamaged_ExitsWithCode2AndFrenchMessage()
    {
        var folder = Path.Combine(Path.GetTempPath(), "annuaire-cli-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Equal(0, CliRunner.Run("index", "--content", CliRunner.TestContent, "--out", folder).ExitCode);
            var terms = Directory.GetFiles(folder, "*.tim", SearchOption.AllDirectories).Single();
            File.WriteAllBytes(terms, File.ReadAllBytes(terms)[..100]);

            var (code, _, error) = CliRunner.Run("search", "garage", "--content", CliRunner.TestContent, "--index", folder);

            Assert.Equal(2, code);
            Assert.Contains("est incomplète", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
