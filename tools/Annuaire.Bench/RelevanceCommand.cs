using Annuaire.Bench.Relevance;
using Annuaire.Content;
using Annuaire.Content.Diagnostics;
using Annuaire.Content.Parsing;
using Annuaire.Search;

namespace Annuaire.Bench;

/// <summary>
/// <c>relevance [--content DIR] [--queries FILE] [--misses]</c>: prints the relevance suite's
/// table (the same code as RelevanceSuiteTests). By default it measures the suite as the build
/// copied it (TestData/relevance next to the executable, with the product's synonyms linked in:
/// see tests/Annuaire.Search.Tests/Relevance/RelevanceSuite.props). Exit codes: 0 printed,
/// 1 invalid input (unknown option, content with errors, malformed or unknown judgments).
/// </summary>
internal static class RelevanceCommand
{
    /// <summary>The command's name on the bench's command line.</summary>
    public const string Name = "relevance";

    public static int Run(IReadOnlyList<string> args)
    {
        var content = Path.Combine(AppContext.BaseDirectory, "TestData", "relevance");
        string? queries = null;
        var misses = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--content" when i + 1 < args.Count: content = args[++i]; break;
                case "--queries" when i + 1 < args.Count: queries = args[++i]; break;
                case "--misses": misses = true; break;
                default:
                    Console.Error.WriteLine($"Option inconnue ou incomplète : {args[i]}. Usage : relevance [--content DOSSIER] [--queries FICHIER] [--misses]");
                    return 1;
            }
        }

        queries ??= Path.Combine(content, "queries.tsv");
        if (!Directory.Exists(content) || !File.Exists(queries))
        {
            Console.Error.WriteLine($"Introuvable : {(Directory.Exists(content) ? queries : content)}");
            return 1;
        }

        var catalog = ContentLoader.Load(content, ValidationOptions.ForToday(TimeProvider.System));
        var errors = catalog.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            errors.ForEach(e => Console.Error.WriteLine(e));
            Console.Error.WriteLine($"{errors.Count} erreur(s) dans {content} : la mesure serait faussée (annuaire validate {content}).");
            return 1;
        }

        if (catalog.Referentials.Synonyms.Count == 0)
        {
            Console.Error.WriteLine($"Attention : aucun synonyme dans {content}/referentiels : la mesure ne reflète pas la recherche du site.");
        }

        IReadOnlyList<JudgedQuery> judged;
        try
        {
            judged = JudgedQueryFile.Read(queries);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        using var engine = new OfferSearchEngine(TimeProvider.System);
        engine.Rebuild(catalog);
        var unknown = RelevanceEvaluation.UnknownOffers(engine, judged);
        if (unknown.Count > 0)
        {
            unknown.ToList().ForEach(Console.Error.WriteLine);
            return 1;
        }

        var evaluation = RelevanceEvaluation.Run(engine, judged);
        Console.WriteLine($"# Pertinence — {DateTime.UtcNow:yyyy-MM-dd}, {catalog.Offers.Count} offres, {judged.Count} requêtes ({queries})");
        Console.WriteLine();
        Console.Write(RelevanceTable.Scores(evaluation));
        if (misses)
        {
            Console.WriteLine();
            Console.WriteLine("Requêtes sans offre notée 2 dans les 10 premiers résultats :");
            Console.Write(RelevanceTable.Misses(evaluation));
        }

        return 0;
    }
}
