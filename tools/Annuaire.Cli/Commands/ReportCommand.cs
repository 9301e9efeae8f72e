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
        var command = new Command("report", "Rapport de fraîcheur : offres à vérifier, expirées, suspendues, incomplètes.") { content, folder, format, months };
        command.SetAction(result =>
        {
            var options = ValidationOptions.ForToday(console.Clock, result.GetValue(months));
            var catalog = ContentLoader.Load(CliOptions.ContentFolder(result, content, folder), options);
            var report = FreshnessReport.Build(catalog.Offers, catalog.Referentials.Territories, options.Today, options.StaleAfterMonths);
            var text = result.GetValue(format) switch
            {
                "json" => Json(report),
                "markdown" => Markdown(report, catalog),
                _ => Text(report, catalog),
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

    private static string Json(FreshnessReport report) => JsonSerializer.Serialize(new
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
    }, JsonOptions) + Environment.NewLine;

    private static string Summary(FreshnessReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{report.OfferCount} offres ; {report.With(FreshnessIssue.AVerifier).Count()} à vérifier (plus de {report.StaleAfterMonths} mois), {report.With(FreshnessIssue.Expiree).Count()} expirée(s), {report.With(FreshnessIssue.Suspendue).Count()} suspendue(s), {report.Items.Count} à reprendre au total.");

    private static string Issues(FreshnessItem item) => string.Join(", ", item.Issues.Select(FreshnessReport.Label));

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string Pipe(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
}
