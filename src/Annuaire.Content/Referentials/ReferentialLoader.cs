using System.Text;
using Annuaire.Content.Diagnostics;
using Annuaire.Content.Parsing;
using YamlDotNet.RepresentationModel;

namespace Annuaire.Content.Referentials;

/// <summary>
/// Reads <c>content/referentiels/*.yml</c>. A missing or malformed referential is reported as
/// an <see cref="DiagnosticCodes.InvalidReferential"/> diagnostic and replaced by an empty one.
/// </summary>
public static class ReferentialLoader
{
    /// <summary>The folder, relative to the content root, holding the referentials.</summary>
    public const string FolderName = "referentiels";

    /// <summary>Loads every referential under <paramref name="contentRoot"/>.</summary>
    public static ReferentialSet Load(string contentRoot, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var folder = Path.Combine(contentRoot, FolderName);

        Referential Simple(string file, string section = "valeurs")
        {
            var (root, _) = Read(folder, file, diagnostics);
            return root is null ? Referential.Empty(file) : ReadLabels(root, section, file, diagnostics);
        }

        var (thematiquesRoot, _) = Read(folder, "thematiques.yml", diagnostics);
        var reseaux = Simple("reseaux-porteurs.yml");
        var (porteursRoot, porteursBag) = Read(folder, "porteurs.yml", diagnostics);
        var categories = porteursRoot is null ? Referential.Empty("porteurs.yml") : ReadLabels(porteursRoot, "categories", "porteurs.yml", diagnostics);
        var territories = ReadGeography(folder, diagnostics);

        var porteurs = porteursRoot is null
            ? new Dictionary<string, Porteur>()
            : ReadPorteurs(porteursRoot, porteursBag!, categories, reseaux, territories);
        if (porteursBag is not null)
        {
            diagnostics.AddRange(porteursBag.Items);
        }

        return new ReferentialSet
        {
            Thematiques = thematiquesRoot is null ? Referential.Empty("thematiques.yml") : ReadLabels(thematiquesRoot, "valeurs", "thematiques.yml", diagnostics),
            ThematiqueFamilies = thematiquesRoot is null ? Referential.Empty("thematiques.yml") : ReadLabels(thematiquesRoot, "familles", "thematiques.yml", diagnostics),
            Publics = Simple("publics.yml"),
            Types = Simple("types.yml"),
            Frais = Simple("frais.yml"),
            ModesAccueil = Simple("modes-accueil.yml"),
            ModesMobilisation = Simple("modes-mobilisation.yml"),
            MobilisablePar = Simple("mobilisable-par.yml"),
            ReseauxPorteurs = reseaux,
            PorteurCategories = categories,
            Porteurs = porteurs,
            Territories = territories,
            Synonyms = ReadSynonyms(folder, diagnostics),
        };
    }

    private static (YamlMappingNode? Root, DiagnosticBag? Bag) Read(string folder, string file, List<Diagnostic> diagnostics)
    {
        var relative = $"{FolderName}/{file}";
        var path = Path.Combine(folder, file);
        var bag = new DiagnosticBag(relative);
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(false, true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            bag.Error(DiagnosticCodes.InvalidReferential, SourceLocation.File, $"Référentiel illisible ou absent ({ex.GetType().Name}) : restaurez {relative}.");
            diagnostics.AddRange(bag.Items);
            return (null, null);
        }

        var root = YamlText.LoadMapping(text, 0, bag, relative);
        if (root is null)
        {
            diagnostics.AddRange(bag.Items.Select(d => d with { Code = DiagnosticCodes.InvalidReferential }));
            return (null, null);
        }

        return (root, bag);
    }

    private static Referential ReadLabels(YamlMappingNode root, string section, string file, List<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag($"{FolderName}/{file}");
        var entries = new List<KeyValuePair<string, string>>();
        if (Child(root, section) is not YamlMappingNode map)
        {
            bag.Error(DiagnosticCodes.InvalidReferential, YamlText.Location(root, 0), $"La section « {section}: » est absente ou n'est pas une liste « clé: libellé ».");
        }
        else
        {
            foreach (var (key, value) in map.Children)
            {
                if (key is YamlScalarNode k && value is YamlScalarNode v && YamlText.ScalarValue(v) is { } label)
                {
                    entries.Add(new(k.Value!, label));
                }
                else
                {
                    bag.Error(DiagnosticCodes.InvalidReferential, YamlText.Location(key, 0), "Chaque entrée doit être de la forme « clé: libellé ».");
                }
            }
        }

        diagnostics.AddRange(bag.Items);
        return new Referential(file, entries);
    }

    private static Dictionary<string, Porteur> ReadPorteurs(YamlMappingNode root, DiagnosticBag bag, Referential categories, Referential reseaux, Territories territories)
    {
        var result = new Dictionary<string, Porteur>(StringComparer.Ordinal);
        if (Child(root, "porteurs") is not YamlMappingNode map)
        {
            bag.Error(DiagnosticCodes.InvalidReferential, YamlText.Location(root, 0), "La section « porteurs: » est absente.");
            return result;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            var at = YamlText.Location(keyNode, 0);
            if (valueNode is not YamlMappingNode entry || Text(entry, "nom") is not { } nom)
            {
                bag.Error(DiagnosticCodes.InvalidReferential, at, $"Porteur « {key} » : le champ « nom » est obligatoire.");
                continue;
            }

            var categorie = Text(entry, "categorie");
            if (categorie is not null && !categories.Contains(categorie))
            {
                bag.Error(DiagnosticCodes.InvalidReferential, at, $"Porteur « {key} » : catégorie « {categorie} » inconnue ({string.Join(", ", categories.Keys)}).");
            }

            var network = Child(entry, "reseaux_porteurs") is YamlSequenceNode seq
                ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value!).ToList()
                : [];
            foreach (var unknown in network.Where(n => !reseaux.Contains(n)))
            {
                bag.Error(DiagnosticCodes.InvalidReferential, at, $"Porteur « {key} » : réseau « {unknown} » absent de reseaux-porteurs.yml.");
            }

            var departement = Text(entry, "departement");
            if (departement is not null && territories.Classify(departement) != TerritoryKind.Departement)
            {
                bag.Error(DiagnosticCodes.InvalidReferential, at, $"Porteur « {key} » : « {departement} » n'est pas un code de département.");
            }

            Uri? site = null;
            if (Text(entry, "site") is { } siteText && !Uri.TryCreate(siteText, UriKind.Absolute, out site))
            {
                bag.Error(DiagnosticCodes.InvalidReferential, at, $"Porteur « {key} » : site « {siteText} » invalide.");
            }

            result[key] = new Porteur
            {
                Key = key,
                Nom = nom,
                Categorie = categorie,
                ReseauxPorteurs = network,
                Departement = departement,
                Site = site,
            };
        }

        return result;
    }

    private static Territories ReadGeography(string folder, List<Diagnostic> diagnostics)
    {
        var path = Path.Combine(folder, GeographyFile.FileName);
        if (!File.Exists(path))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidReferential, DiagnosticSeverity.Error, $"{FolderName}/{GeographyFile.FileName}", 0, 0,
                $"Référentiel géographique absent : générez {GeographyFile.FileName} avec « annuaire referentiels cog »."));
            return Territories.Empty;
        }

        try
        {
            return GeographyFile.Read(path, diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidReferential, DiagnosticSeverity.Error, $"{FolderName}/{GeographyFile.FileName}", 0, 0,
                $"Référentiel géographique illisible ({ex.GetType().Name}) : il doit être en UTF-8."));
            return Territories.Empty;
        }
    }

    private static List<string> ReadSynonyms(string folder, List<Diagnostic> diagnostics)
    {
        var path = Path.Combine(folder, "synonymes.txt");
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return [.. File.ReadAllLines(path, new UTF8Encoding(false, true))];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidReferential, DiagnosticSeverity.Error, $"{FolderName}/synonymes.txt", 0, 0, $"Fichier de synonymes illisible ({ex.GetType().Name}) : il doit être en UTF-8."));
            return [];
        }
    }

    private static YamlNode? Child(YamlMappingNode map, string key) => YamlText.Child(map, key);

    private static string? Text(YamlMappingNode map, string key) =>
        Child(map, key) is YamlScalarNode s ? YamlText.ScalarValue(s) : null;
}
