using System.Text.RegularExpressions;

namespace Annuaire.Search.Tests;

/// <summary>
/// The search layer returns data, never user text: no string literal of <c>src/Annuaire.Search</c>
/// holds French wording (accented letters, guillemets) or HTML; the site and the command line
/// word and render. The analysis' own word lists are data, not text shown to anyone. A
/// heuristic: French without any accent or guillemet goes unseen, reviews catch the rest.
/// </summary>
public sealed partial class LayeringTests
{
    /// <summary>Lines whose literals are analysis data (French words the analyzer must keep), not wording.</summary>
    private static readonly string[] AnalysisData = ["MeaningfulStopWords"];

    [Fact]
    public void SearchSources_HoldNoFrenchSentenceNorHtml()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "Annuaire.Search");
        var files = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 20, $"Sources introuvables sous {source}");

        var found = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimStart();
                if (line.StartsWith("//", StringComparison.Ordinal) || AnalysisData.Any(d => line.Contains(d, StringComparison.Ordinal)))
                {
                    continue;
                }

                found.AddRange(Literal().Matches(line).Select(m => m.Value).Where(v => Wording().IsMatch(v))
                    .Select(v => $"{Path.GetRelativePath(source, file)}:{i + 1}: {v}"));
            }
        }

        Assert.Empty(found);
    }

    [Fact]
    public void Detector_FindsWordingAndMarkup()
    {
        Assert.Matches(Wording(), "\"L'index a été écrit par une autre version.\"");
        Assert.Matches(Wording(), "\"Lieu reconnu : « Orléans »\"");
        Assert.Matches(Wording(), "\"<mark>\"");
        Assert.DoesNotMatch(Wording(), "\"Index write failed (SaveFailed) in '{location}'\"");
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Directory.sln introuvable.");
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex Literal();

    [GeneratedRegex("[àâçéèêëîïôûùüÿœÀÂÇÉÈÊËÎÏÔÛÙÜŸŒ«»]|</?[a-z]+[ >/]")]
    private static partial Regex Wording();
}
