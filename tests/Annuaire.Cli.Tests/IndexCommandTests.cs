using System.Text.Json;

namespace Annuaire.Cli.Tests;

/// <summary><c>annuaire index</c>: publishes versions of the folder replicas serve, and rolls back.</summary>
public sealed class IndexCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "annuaire-cli-versions-" + Guid.NewGuid().ToString("N"));
    private readonly DirectoryInfo _content = CliRunner.CopyOfTestContent();

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }

        _content.Delete(recursive: true);
    }

    [Fact]
    public void Index_WhenRunTwiceOnTheSameContent_PublishesOneVersionBehindTheManifest()
    {
        var first = CliRunner.Run("index", "--content", _content.FullName, "--out", _out);
        var second = CliRunner.Run("index", "--content", _content.FullName, "--out", _out);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var version = Assert.Single(Directory.GetDirectories(Path.Combine(_out, "versions")));
        Assert.Equal(Path.GetFileName(version), Manifest());
        Assert.True(File.Exists(Path.Combine(version, "version.json")));
        Assert.True(File.Exists(Path.Combine(version, "referentiels", "thematiques.yml")));
        Assert.Contains("rien à publier", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_WhenActivatingThePreviousVersion_RollsBackWithoutBuilding()
    {
        Assert.Equal(0, CliRunner.Run("index", "--content", _content.FullName, "--out", _out).ExitCode);
        var previous = Manifest();
        File.Delete(Directory.GetFiles(Path.Combine(_content.FullName, "offres"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First());
        Assert.Equal(0, CliRunner.Run("index", "--content", _content.FullName, "--out", _out).ExitCode);
        Assert.NotEqual(previous, Manifest());

        var (code, output, _) = CliRunner.Run("index", "--out", _out, "--activer", previous);

        Assert.Equal(0, code);
        Assert.Contains(previous, output, StringComparison.Ordinal);
        Assert.Equal(previous, Manifest());
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(_out, "versions")).Length);
    }

    [Fact]
    public void Index_WhenActivatingAnUnknownVersion_FailsAndKeepsTheManifest()
    {
        Assert.Equal(0, CliRunner.Run("index", "--content", _content.FullName, "--out", _out).ExitCode);
        var current = Manifest();

        var (code, _, error) = CliRunner.Run("index", "--out", _out, "--activer", "20200101-000000-inconnue");

        Assert.Equal(2, code);
        Assert.Contains("introuvable", error, StringComparison.Ordinal);
        Assert.Equal(current, Manifest());
    }

    private string Manifest()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "manifest.json")));
        return json.RootElement.GetProperty("version").GetString()!;
    }
}
