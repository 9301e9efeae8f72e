using System.CommandLine;
using System.Globalization;
using Annuaire.Content;
using Annuaire.Content.Model;
using Annuaire.Content.Diagnostics;
using Annuaire.Content.Parsing;
using Annuaire.Search.Analysis;

namespace Annuaire.Cli.Commands;

/// <summary><c>annuaire validate [--content DIR]</c>: validates every offer and referential.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var content = CliOptions.Content();
        var folder = CliOptions.LegacyContentArgument();
        var format = CliOptions.Format("Sortie : text, json ou github (annotations GitHub Actions).", "text", "json", "github");
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Échoue aussi en cas d'avertissement." };
        var changedSince = new Option<string?>("--changed-since") { Description = "N'affiche que les diagnostics des fichiers modifiés depuis cette révision git (les règles entre fichiers restent vérifiées sur tout le catalogue)." };
        var staleMonths = new Option<int>("--stale-months") { Description = "Âge (en mois) de date_maj au-delà duquel une offre est à vérifier.", DefaultValueFactory = _ => 12 };

        var command = new Command("validate", "Vérifie les offres et les référentiels ; code de sortie 0 sans erreur, 1 sinon.")
        {
            content, folder, format, warningsAsErrors, staleMonths, changedSince,
        };
        command.SetAction(result =>
        {
            var dir = CliOptions.ContentFolder(result, content, folder);
            var options = ValidationOptions.ForToday(console.Clock, result.GetValue(staleMonths));
            var catalog = WithSynonymDiagnostics(ContentLoader.Load(dir, options));
            if (result.GetValue(changedSince) is { } revision)
            {
                var changed = GitFiles.ChangedSince(dir, revision, console.Error);
                if (changed is null)
                {
                    return ExitCodes.Failure;
                }

                // Everything is loaded (duplicate slugs and duplicates need the whole catalogue);
                // only the changed files' diagnostics are reported.
                catalog = catalog with { Diagnostics = [.. catalog.Diagnostics.Where(d => changed.Contains(d.File))] };
            }
            switch (result.GetValue(format))
            {
                case "github":
                    DiagnosticFormatter.WriteGitHub(console.Out, dir, catalog.Diagnostics);
                    WriteSummary(console.Out, catalog);
                    break;
                case "json":
                    DiagnosticFormatter.WriteJson(console.Out, dir, catalog);
                    break;
                default:
                    DiagnosticFormatter.WriteText(console.Out, dir, catalog.Diagnostics);
                    WriteSummary(console.Out, catalog);
                    break;
            }

            var failed = catalog.ErrorCount > 0 || (result.GetValue(warningsAsErrors) && catalog.WarningCount > 0);
            return failed ? ExitCodes.InvalidContent : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Synonym rules are parsed by the search engine: check them here so a bad rule fails the pull request.</summary>
    private static ContentCatalog WithSynonymDiagnostics(ContentCatalog catalog)
    {
        SynonymRules.Build(catalog.Referentials.Synonyms, out var errors);
        if (errors.Count == 0)
        {
            return catalog;
        }

        return catalog with
        {
            Diagnostics = [.. catalog.Diagnostics, .. errors.Select(e => Diagnostic.SynonymRuleIgnored(e.Line, e.Detail))],
        };
    }

    private static void WriteSummary(TextWriter output, ContentCatalog catalog)
    {
        var territories = catalog.Referentials.Territories;
        var byScope = catalog.Offers
            .SelectMany(o => o.ZoneEligibilite.Select(z => z == Offer.France ? Offer.France : territories.DepartementOf(z) ?? z).Distinct())
            .GroupBy(z => z)
            .OrderBy(g => g.Key == Offer.France ? "~" : g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{territories.NameOf(g.Key)} : {g.Count()}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{catalog.FileCount} fichiers lus, {catalog.Offers.Count} offres valides ; {catalog.ErrorCount} erreur(s), {catalog.WarningCount} avertissement(s)."));
        output.WriteLine("Offres par territoire : " + string.Join(" ; ", byScope));
    }
}
