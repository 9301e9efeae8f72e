using Annuaire.Content.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Annuaire.Content.Parsing;

/// <summary>
/// Loads YAML into a located node tree and turns YAML failures into diagnostics. Every node
/// keeps its position so that a diagnostic points at the offending key, not at line 1.
/// </summary>
internal static class YamlText
{
    /// <summary>
    /// Parses <paramref name="text"/> whose first line is line <paramref name="lineOffset"/>+1
    /// of the file. Returns the root mapping, or null after reporting why. Anchors, aliases,
    /// complex keys and deep nesting are refused from the event stream before any node is built
    /// (see <see cref="SafeYamlParser"/>); the work is linear in the length of the text.
    /// </summary>
    public static YamlMappingNode? LoadMapping(string text, int lineOffset, DiagnosticBag bag, string what, FileBudget? budget = null)
    {
        var stream = new YamlStream();
        var parser = new SafeYamlParser(new Parser(new StringReader(text)), budget);
        try
        {
            stream.Load(parser);
        }
        catch (RefusedYamlException ex)
        {
            var at = Location(ex.At, lineOffset);
            if (ex.Why == RefusedYamlException.Reason.TooSlow)
            {
                bag.Error(DiagnosticCodes.TooSlowToValidate, at, $"{what} : la vérification prend trop de temps ; simplifiez l'en-tête.");
            }
            else
            {
                bag.Error(DiagnosticCodes.UnsupportedYaml, at, $"{what} : {Refused(ex.Why)}. Écrivez chaque valeur en entier.");
            }

            return null;
        }
        catch (YamlException ex)
        {
            var at = Location(ex.Start, lineOffset);
            var reason = ex.InnerException?.Message ?? ex.Message;
            if (reason.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase))
            {
                bag.Error(DiagnosticCodes.DuplicateKey, at, $"{what} : une clé apparaît deux fois ; gardez une seule occurrence.");
            }
            else
            {
                bag.Error(DiagnosticCodes.MalformedYaml, at, $"{what} : YAML invalide ({Translate(reason)}). Vérifiez l'indentation, les deux-points et les guillemets.");
            }

            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet 18 lets these escape its scanner on some malformed inputs (found by fuzzing),
            // without a position: the text stops parsing after the last event read without error.
            bag.Error(DiagnosticCodes.MalformedYaml, new SourceLocation((int)parser.LastGood.Line + lineOffset, 1),
                $"{what} : YAML illisible à partir de cette ligne (crochet, accolade ou guillemet non fermé ?). Vérifiez l'indentation, les deux-points et les guillemets.");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count == 0 ? new SourceLocation(lineOffset + 1, 1) : Location(stream.Documents[0].RootNode, lineOffset);
            bag.Error(DiagnosticCodes.MalformedYaml, at, $"{what} : on attend une liste de paires « clé: valeur ».");
            return null;
        }

        return root;
    }

    private static string Refused(RefusedYamlException.Reason why) => why switch
    {
        RefusedYamlException.Reason.Anchor => "les ancres YAML (« &nom ») ne sont pas acceptées",
        RefusedYamlException.Reason.Alias => "les renvois YAML (« *nom ») ne sont pas acceptés",
        RefusedYamlException.Reason.ComplexKey => "une clé doit être un simple mot, pas une liste ni un groupe de clés",
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"imbrication trop profonde (plus de {SafeYamlParser.MaxDepth} niveaux)"),
    };

    /// <summary>The value under <paramref name="key"/> in a mapping, or null.</summary>
    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>The file location of a node.</summary>
    public static SourceLocation Location(YamlNode node, int lineOffset) => Location(node.Start, lineOffset);

    private static SourceLocation Location(Mark mark, int lineOffset) => new((int)mark.Line + lineOffset, (int)mark.Column);

    /// <summary>The scalar text of a node, or null for a YAML null (<c>~</c>, <c>null</c>, empty).</summary>
    public static string? ScalarValue(YamlScalarNode node)
    {
        var value = node.Value;
        if (node.Style == ScalarStyle.Plain && (string.IsNullOrEmpty(value) || value is "~" or "null" or "Null" or "NULL"))
        {
            return null;
        }

        return value;
    }

    private static string Translate(string reason)
    {
        // YamlDotNet messages are English; give editors the gist in French and keep the original.
        if (reason.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase))
        {
            return "deux-points inattendu : mettez la valeur entre guillemets si elle contient « : »";
        }

        if (reason.Contains("did not find expected", StringComparison.OrdinalIgnoreCase))
        {
            return "structure incomplète, souvent une indentation ou un guillemet manquant";
        }

        if (reason.Contains("found character that cannot start any token", StringComparison.OrdinalIgnoreCase))
        {
            return "caractère interdit en début de valeur (tabulation, @, `) : utilisez des espaces ou des guillemets";
        }

        return "détail technique : " + reason;
    }
}
