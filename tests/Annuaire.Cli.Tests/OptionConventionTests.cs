namespace Annuaire.Cli.Tests;

/// <summary>Every command takes --content and --format the same way; the earlier spellings still work.</summary>
public sealed class OptionConventionTests
{
    [Theory]
    [InlineData("validate")]
    [InlineData("report")]
    [InlineData("export")]
    [InlineData("index")]
    [InlineData("search")]
    [InlineData("import")]
    [InlineData("new")]
    [InlineData("diff")]
    public void Help_EveryContentCommand_OffersContentOption(string command)
    {
        var (_, output, _) = CliRunner.Run(command, "--help");
        Assert.Contains("--content", output, StringComparison.Ordinal);
        Assert.DoesNotContain("--json", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate", "text", "json", "github")]
    [InlineData("report", "text", "json", "markdown")]
    [InlineData("search", "text", "json")]
    [InlineData("diff", "markdown")]
    public void Help_FormatOption_ListsTheAcceptedFormats(string command, params string[] formats)
    {
        var (_, output, _) = CliRunner.Run(command, "--help");
        var listed = System.Text.RegularExpressions.Regex.Match(output, "--format <([a-z|]+)>").Groups[1].Value.Split('|');
        Assert.Equal(formats.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_WhenFolderGivenPositionallyOrWithContent_GivesTheSameResult()
    {
        var legacy = CliRunner.Run("validate", CliRunner.TestContent, "--format", "json");
        var current = CliRunner.Run("validate", "--content", CliRunner.TestContent, "--format", "json");
        Assert.Contains("\"diagnostics\"", current.Output, StringComparison.Ordinal);
        Assert.Equal(current, legacy);
    }

    [Fact]
    public void Search_WhenLegacyJsonFlag_AnswersLikeFormatJson()
    {
        var legacy = CliRunner.Run("search", "garage", "--content", CliRunner.TestContent, "--json");
        var current = CliRunner.Run("search", "garage", "--content", CliRunner.TestContent, "--format", "json");
        using var currentJson = System.Text.Json.JsonDocument.Parse(current.Output);
        using var legacyJson = System.Text.Json.JsonDocument.Parse(legacy.Output);
        Assert.True(currentJson.RootElement.GetProperty("total").GetInt32() > 0);
        Assert.Equal(currentJson.RootElement.GetProperty("results").GetRawText(), legacyJson.RootElement.GetProperty("results").GetRawText());
    }

    [Fact]
    public void Report_WhenFormatNotAccepted_FailsWithUsageError()
    {
        var (code, _, error) = CliRunner.Run("report", "--content", CliRunner.TestContent, "--format", "github");
        Assert.NotEqual(0, code);
        Assert.Contains("github", error, StringComparison.Ordinal);
    }
}
