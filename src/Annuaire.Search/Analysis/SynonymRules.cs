using Annuaire.Content.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;

namespace Annuaire.Search.Analysis;

/// <summary>
/// Builds the synonym map from <c>synonymes.txt</c> (Solr format). Each rule also gets its
/// accent-free spelling, so « pole emploi » in a text matches the rule « pôle emploi ».
/// </summary>
public static class SynonymRules
{
    /// <summary>
    /// Parses the rules. A malformed file never breaks search: the error is returned and the
    /// map is built from the lines that parse (each line is tried on its own).
    /// </summary>
    public static SynonymMap? Build(IEnumerable<string> lines, out IReadOnlyList<SynonymError> errors)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var problems = new List<SynonymError>();
        var accepted = new List<string>();
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var withVariants = WithFoldedVariants(line);
            if (TryParse([withVariants], out _, out var error))
            {
                accepted.Add(withVariants);
            }
            else
            {
                problems.Add(new SynonymError(lineNumber, error ?? string.Empty));
            }
        }

        errors = problems;
        if (accepted.Count == 0)
        {
            return null;
        }

        return TryParse(accepted, out var map, out _) ? map : null;
    }

    private static bool TryParse(IEnumerable<string> rules, out SynonymMap? map, out string? error)
    {
        using var analyzer = new RuleAnalyzer();
        var parser = new SolrSynonymParser(dedup: true, expand: true, analyzer);
        try
        {
            parser.Parse(new StringReader(string.Join('\n', rules)));
            map = parser.Build();
            error = null;
            return true;
        }
        // The parser reports bad rules with Java-ported exception types (a ParseException wrapper
        // among them); any failure here concerns the rule text, never the process.
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or IOException || ex.GetType().Name.Contains("Parse", StringComparison.Ordinal))
        {
            map = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Adds the folded spelling of every term that has accents: « pôle emploi » → « pôle emploi, pole emploi ».</summary>
    internal static string WithFoldedVariants(string line)
    {
        static string Expand(string side) => string.Join(", ", side.Split(',')
            .Select(t => t.Trim())
            .Where(t => t.Length > 0)
            .SelectMany(t => TextNormalizer.Fold(t) is var f && f != t.ToLowerInvariant().Replace('’', '\'') ? new[] { t, f } : [t])
            .Distinct(StringComparer.OrdinalIgnoreCase));

        var arrow = line.IndexOf("=>", StringComparison.Ordinal);
        return arrow < 0 ? Expand(line) : $"{Expand(line[..arrow])} => {Expand(line[(arrow + 2)..])}";
    }

    /// <summary>The part of <see cref="FrenchOfferAnalyzer"/> that runs before the synonym filter.</summary>
    private sealed class RuleAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var stream = FrenchAnalysis.BaseChain(reader, out var tokenizer);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}

/// <summary>A synonym rule that could not be parsed.</summary>
/// <param name="Line">1-based line in <c>synonymes.txt</c>.</param>
/// <param name="Detail">What the synonym parser said (for the editor; worded by the site).</param>
public sealed record SynonymError(int Line, string Detail);
