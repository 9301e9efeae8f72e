using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Annuaire.Content;
using Annuaire.Content.Parsing;
using Annuaire.Content.Reporting;

namespace Annuaire.Cli.Commands;

/// <summary><c>annuaire report [DIR]</c>: the offers to verify, for editors and the weekly freshness issue.</summary>
internal static class ReportCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var content = CliOptions.Content();
        var folder = CliOptions.LegacyContentArgument();
        var format = CliOptions.Format("Sortie : text (tableau), json ou markdown (commentaire ou ticket GitHub).", "text", "json", "markdown");
        var months = new Option<int>("--mois") { Description = "Âge de date_maj (en mois) au-delà duquel une offre est à vérifier.", DefaultValueFactory = _ => 12 };
        var gaps = new Option<string?>("--recherches") { Description = "Fichier des recherches sans réponse du site (JSON, /admin/recherches-sans-reponse?format=json) à ajouter au rapport." };
        var command = new Command("report", "Rapport de fraîcheur : offres à vérifier, expirées, suspendues, incomplètes ; recherches sans réponse.") { content, folder, format, months, gaps };
        command.SetAction(result =>
        {
            var options = ValidationOptions.ForToday(console.Clock, result.GetValue(months));
            var catalog = ContentLoader.Load(CliOptions.ContentFolder(result, content, folder), options);
            var report = FreshnessReport.Build(catalog.Offers, catalog.Referentials.Territories, options.Today, options.StaleAfterMonths);
            IReadOnlyList<SearchGapRow>? gapRows = null;
            if (result.GetValue(gaps) is { } gapsFile)
            {
                if (!File.Exists(gapsFile))
                {
                    console.Error.WriteLine($"Erreur : fichier des recherches sans réponse introuvable : {gapsFile}");
                    return ExitCodes.InvalidContent;
                }

                gapRows = SearchGapLog.FromJson(File.ReadAllText(gapsFile), options.Today).Published();
            }

            var text = result.GetValue(format) switch
            {
                "json" => Json(report, gapRows),
                "markdown" => Markdown(report, catalog) + GapsMarkdown(gapRows, catalog),
                _ => Text(report, catalog) + GapsText(gapRows, catalog),
            };
            console.Out.Write(text);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Text(FreshnessReport report, ContentCatalog catalog)
    {
        var text = new StringBuilder();
        text.AppendLine(Summary(report));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"vérifiée le",-12} {"offre",-55} problèmes");
        foreach (var item in report.Items)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{item.Offer.DateMaj:yyyy-MM-dd}   {Cut(item.Offer.Id, 55),-55} {Issues(item)}");
        }

        text.AppendLine();
        text.AppendLine("Par porteur : " + string.Join(" ; ", report.CountBy(i => i.Offer.Porteur).Select(x => $"{catalog.Referentials.PorteurName(x.Key)} {x.Count}")));
        text.AppendLine("Par département : " + string.Join(" ; ", report.CountBy(i => i.Departement).Select(x => $"{catalog.Referentials.Territories.NameOf(x.Key)} {x.Count}")));
        return text.ToString();
    }

    private static string Markdown(FreshnessReport report, ContentCatalog catalog)
    {
        var md = new StringBuilder();
        md.AppendLine("## Offres à vérifier");
        md.AppendLine();
        md.AppendLine(Summary(report));
        md.AppendLine();
        md.AppendLine("| vérifiée le | offre | porteur | problèmes |");
        md.AppendLine("|---|---|---|---|");
        foreach (var item in report.Items)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {item.Offer.DateMaj:yyyy-MM-dd} | [{Pipe(item.Offer.Titre)}](content/{item.Offer.SourcePath}) | {Pipe(catalog.Referentials.PorteurName(item.Offer.Porteur))} | {Issues(item)} |");
        }

        md.AppendLine();
        md.AppendLine("| département | offres à reprendre |");
        md.AppendLine("|---|---|");
        foreach (var (key, count) in report.CountBy(i => i.Departement))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {catalog.Referentials.Territories.NameOf(key)} | {count} |");
        }

        return md.ToString();
    }

    private static string GapsMarkdown(IReadOnlyList<SearchGapRow>? rows, ContentCatalog catalog)
    {
        if (rows is null)
        {
            return string.Empty;
        }

        var md = new StringBuilder();
        md.AppendLine();
        md.AppendLine("## Recherches sans réponse");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Recherches des conseillers qui n'ont donné aucune offre ou au plus {SearchGapLog.FewResults}, vues au moins {SearchGapLog.MinimumOccurrences} fois la même semaine (mots normalisés, territoire et semaine seulement). Une offre manque peut-être.");
        md.AppendLine();
        if (rows.Count == 0)
        {
            md.AppendLine("Aucune recherche n'a atteint le seuil.");
            return md.ToString();
        }

        md.AppendLine("| semaine | mots | territoire | recherches | dont sans résultat |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var row in rows)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Week} | {Pipe(row.Words)} | {(row.Territory.Length == 0 ? "—" : Pipe(catalog.Referentials.Territories.NameOf(row.Territory)))} | {row.Searches} | {row.WithoutResult} |");
        }

        return md.ToString();
    }

    private static string GapsText(IReadOnlyList<SearchGapRow>? rows, ContentCatalog catalog)
    {
        if (rows is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Recherches sans réponse (vues au moins {SearchGapLog.MinimumOccurrences} fois la même semaine) : {rows.Count}");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{row.Week}  {row.Searches,4}  {Cut(row.Words, 50),-50} {(row.Territory.Length == 0 ? "" : catalog.Referentials.Territories.NameOf(row.Territory))}");
        }

        return text.ToString();
    }

    private static string Json(FreshnessReport report, IReadOnlyList<SearchGapRow>? gaps) => JsonSerializer.Serialize(new
    {
        today = report.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        staleAfterMonths = report.StaleAfterMonths,
        offers = report.OfferCount,
        counts = Enum.GetValues<FreshnessIssue>().ToDictionary(i => FreshnessReport.Label(i), i => report.With(i).Count()),
        items = report.Items.Select(i => new
        {
            id = i.Offer.Id,
            file = i.Offer.SourcePath,
            porteur = i.Offer.Porteur,
            departement = i.Departement,
            dateMaj = i.Offer.DateMaj.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            issues = i.Issues.Select(FreshnessReport.Label),
        }),
        byPorteur = report.CountBy(i => i.Offer.Porteur).ToDictionary(x => x.Key, x => x.Count),
        byDepartement = report.CountBy(i => i.Departement).ToDictionary(x => x.Key, x => x.Count),
        recherchesSansReponse = gaps,
    }, JsonOptions) + Environment.NewLine;

    private static string Summary(FreshnessReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{report.OfferCount} offres ; {report.With(FreshnessIssue.AVerifier).Count()} à vérifier (plus de {report.StaleAfterMonths} mois), {report.With(FreshnessIssue.Expiree).Count()} expirée(s), {report.With(FreshnessIssue.Suspendue).Count()} suspendue(s), {report.Items.Count} à reprendre au total.");

    private static string Issues(FreshnessItem item) => string.Join(", ", item.Issues.Select(FreshnessReport.Label));

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string Pipe(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
}
