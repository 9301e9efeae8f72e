using Annuaire.Search.Analysis;
using static Annuaire.Search.Tests.Analysis.AnalyzerAssert;

namespace Annuaire.Search.Tests.Analysis;

public sealed class FrenchOfferAnalyzerTests : IDisposable
{
    private readonly FrenchOfferAnalyzer _analyzer = new();

    public void Dispose() => _analyzer.Dispose();

    [Fact]
    public void Debug_Print()
    {
        foreach (var s in new[] { "mobilité", "mobilite", "hébergement", "hebergement", "HÉBERGEMENTS", "l'aide", "l’aide", "aides", "logements", "sans permis", "jusqu'à", "solidarité", "activité", "CCAS", "RSA", "précarité", "santé", "sante", "créée", "permis", "permsi", "urgence", "Orléans", "c2s" })
        {
            Console.WriteLine($"{s} => {string.Join("|", Tokens(_analyzer, s))}");
        }
    }
}
