using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Annuaire.Search.Tests.Analysis;

/// <summary>"Input text → expected token list" assertions, in the Lucene.Net style.</summary>
internal static class AnalyzerAssert
{
    public static List<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream("f", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    public static void AnalyzesTo(Analyzer analyzer, string text, params string[] expected) =>
        Assert.Equal(expected, Tokens(analyzer, text));
}
