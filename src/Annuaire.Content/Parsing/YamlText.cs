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
    /// of the file. Returns the root mapping, or null after reporting why.
    /// </summary>
    public static YamlMappingNode? LoadMapping(string text, int lineOffset, DiagnosticBag bag, string what)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
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
            // without a position: find the first line at which the text stops parsing.
            bag.Error(DiagnosticCodes.MalformedYaml, new SourceLocation(lineOffset + FirstFailingLine(text), 1),
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

    private static int FirstFailingLine(string text)
    {
        var lines = text.Split('\n');
        for (var count = 1; count <= lines.Length; count++)
        {
            try
            {
                new YamlStream().Load(new StringReader(string.Join('\n', lines.Take(count))));
            }
            catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
            {
                return count;
            }
        }

        return 1;
    }

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
