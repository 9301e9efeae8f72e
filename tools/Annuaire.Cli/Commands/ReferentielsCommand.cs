using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Annuaire.Content.Referentials;

namespace Annuaire.Cli.Commands;

/// <summary>
/// <c>annuaire referentiels cog PAQUET [--content DIR]</c>: regenerates the national geography
/// (<c>referentiels/geographie.tsv</c>) from Etalab's <c>@etalab/decoupage-administratif</c>
/// package unpacked by <c>npm pack</c>.
/// </summary>
internal static class ReferentielsCommand
{
    public static Command Create(CliConsole console)
    {
        var package = new Argument<string>("paquet") { Description = "Dossier du paquet @etalab/decoupage-administratif (celui qui contient package.json et data/)." };
        var content = new Option<string>("--content") { Description = "Dossier de contenu (par défaut : content).", DefaultValueFactory = _ => "content" };
        var cog = new Command("cog", "Régénère referentiels/geographie.tsv depuis le Code officiel géographique publié par Etalab.") { package, content };
        cog.SetAction(result =>
        {
            var folder = result.GetValue(package)!;
            if (!File.Exists(Path.Combine(folder, "package.json")) || !Directory.Exists(Path.Combine(folder, "data")))
            {
                console.Error.WriteLine($"Erreur : « {folder} » n'est pas un paquet @etalab/decoupage-administratif décompressé (package.json et data/ attendus). Obtenez-le avec : npm pack @etalab/decoupage-administratif && tar xzf etalab-decoupage-administratif-*.tgz");
                return ExitCodes.Failure;
            }

            var started = Stopwatch.GetTimestamp();
            var (territories, source) = CogImporter.Import(folder);
            var target = Path.Combine(result.GetValue(content)!, "referentiels", GeographyFile.FileName);
            var staging = target + ".tmp";
            using (var writer = new StreamWriter(staging, append: false, new UTF8Encoding(false)))
            {
                GeographyFile.Write(writer, territories, source);
            }

            File.Move(staging, target, overwrite: true);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{target} : {territories.Regions.Count} régions, {territories.Departements.Count} départements, {territories.Epcis.Count} EPCI, {territories.Communes.Count} communes ({source}) en {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s."));
            return ExitCodes.Ok;
        });
        return new Command("referentiels", "Référentiels générés depuis les sources officielles.") { cog };
    }
}
