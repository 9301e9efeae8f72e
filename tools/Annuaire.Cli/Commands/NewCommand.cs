using System.CommandLine;
using System.Text;
using Annuaire.Content.Exchange;
using Annuaire.Content.Diagnostics;
using Annuaire.Content.Model;
using Annuaire.Content.Parsing;
using Annuaire.Content.Referentials;
using Annuaire.Content.Text;

namespace Annuaire.Cli.Commands;

/// <summary><c>annuaire new</c>: writes a valid offer file to complete, checked against the referentials.</summary>
internal static class NewCommand
{
    private static readonly string[] JustificatifsPlaceholder = ["À compléter."];

    public static Command Create(CliConsole console)
    {
        var titre = new Option<string>("--titre") { Description = "Titre de l'offre.", Required = true };
        var porteur = new Option<string>("--porteur") { Description = "Clé du porteur (referentiels/porteurs.yml).", Required = true };
        var thematiques = new Option<string[]>("--thematique") { Description = "Thématique (répétable).", Required = true, AllowMultipleArgumentsPerToken = true };
        var zones = new Option<string[]>("--zone") { Description = "Zone d'éligibilité : france, code de département, code INSEE ou SIREN (répétable).", Required = true, AllowMultipleArgumentsPerToken = true };
        var resume = new Option<string?>("--resume") { Description = "Résumé d'une phrase (20 à 280 caractères)." };
        var type = new Option<string?>("--type") { Description = "Type de service (referentiels/types.yml)." };
        var content = CliOptions.Content();
        var slug = new Option<string?>("--slug") { Description = "Identifiant (nom du fichier) ; déduit du titre par défaut." };

        var command = new Command("new", "Crée un fichier d'offre valide, à compléter.")
        {
            titre, porteur, thematiques, zones, resume, type, content, slug,
        };
        command.SetAction(result =>
        {
            var root = Path.GetFullPath(result.GetValue(content)!);
            var diagnostics = new List<Annuaire.Content.Diagnostics.Diagnostic>();
            var referentials = ReferentialLoader.Load(root, diagnostics);
            if (diagnostics.Exists(d => d.IsError))
            {
                DiagnosticFormatter.WriteText(console.Error, result.GetValue(content)!, diagnostics);
                return ExitCodes.Failure;
            }

            var title = result.GetValue(titre)!.Trim();
            var id = result.GetValue(slug) ?? TextNormalizer.Slugify(title);
            var zoneList = result.GetValue(zones)!;
            var folder = Path.Combine(root, "offres", FolderFor(zoneList, referentials.Territories));
            var path = Path.Combine(folder, id + ".md");
            if (File.Exists(path))
            {
                console.Error.WriteLine($"Erreur : {path} existe déjà ; choisissez un autre --slug.");
                return ExitCodes.InvalidContent;
            }

            var text = Render(title, result.GetValue(resume), result.GetValue(porteur)!, result.GetValue(thematiques)!, result.GetValue(type), zoneList, FrenchClock.Today(console.Clock));
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            // The file is meant to fail on its « À compléter » placeholders until the editor fills
            // them; any other error comes from the options given.
            var (_, problems) = OfferFileReader.Parse(relative, text, referentials, ValidationOptions.ForToday(console.Clock));
            var wrongOptions = problems.Where(p => p.IsError && p.Code != DiagnosticCodes.Placeholder).ToList();
            if (wrongOptions.Count > 0)
            {
                console.Error.WriteLine("Offre non créée : corrigez les options suivantes.");
                foreach (var problem in wrongOptions)
                {
                    console.Error.WriteLine($"  {problem.Code} : {problem.Message}");
                }

                return ExitCodes.InvalidContent;
            }

            Directory.CreateDirectory(folder);
            File.WriteAllText(path, text, new UTF8Encoding(false));
            console.Out.WriteLine($"Offre créée : {Path.GetRelativePath(Directory.GetCurrentDirectory(), path)}");
            console.Out.WriteLine("Remplacez chaque « À compléter » (résumé, texte, pièces à apporter), ajoutez contacts, lieux et horaires, puis lancez « annuaire validate » : tant qu'il en reste, l'offre est refusée.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string FolderFor(string[] zones, Territories territories)
    {
        var first = zones.FirstOrDefault() ?? Offer.France;
        if (first == Offer.France)
        {
            return "national";
        }

        var departement = territories.DepartementOf(first);
        return departement is not null && territories.Departements.TryGetValue(departement, out var name) ? TextNormalizer.Slugify(name) : "autres";
    }

    private static string Render(string titre, string? resume, string porteur, string[] thematiques, string? type, string[] zones, DateOnly today)
    {
        KeyValuePair<string, object?>[] fields =
        [
            new("titre", titre),
            new("resume", resume ?? "À compléter : une phrase qui résume l'offre pour la liste de résultats."),
            new("porteur", porteur),
            new("thematiques", thematiques),
            new("type", type),
            new("zone_eligibilite", zones),
            new("justificatifs", JustificatifsPlaceholder),
            new("date_maj", today),
        ];
        const string body = """
            À compléter : ce qu'est l'offre, en quelques phrases simples.

            ## Pour qui ?

            À compléter.

            ## Comment la mobiliser ?

            À compléter.

            ## Pièces à fournir

            À compléter.
            """;
        return OfferYamlWriter.Write(fields, body);
    }
}
