using System.Globalization;
using System.Text;

namespace Annuaire.Content.Exchange;

/// <summary>Writes offer files (front-matter + body) with keys in the editors' guide order.</summary>
public static class OfferYamlWriter
{
    /// <summary>Renders an ordered set of front-matter values and a body as an offer file.</summary>
    /// <param name="fields">Key → value: string, list of strings, or list of key/value maps (for <c>contact</c> use a single map).</param>
    /// <param name="body">Markdown body.</param>
    public static string Write(IEnumerable<KeyValuePair<string, object?>> fields, string body)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var text = new StringBuilder("---\n");
        foreach (var (key, value) in fields)
        {
            switch (value)
            {
                case null:
                case string s when s.Length == 0:
                case IReadOnlyCollection<string> { Count: 0 }:
                    break;
                case string s:
                    text.Append(key).Append(": ").Append(Quote(s)).Append('\n');
                    break;
                case IEnumerable<string> list:
                    text.Append(key).Append(": [").Append(string.Join(", ", list.Select(Quote))).Append("]\n");
                    break;
                case IReadOnlyDictionary<string, object?> map when map.Values.Any(v => v is not null):
                    text.Append(key).Append(":\n");
                    AppendMap(text, map, "  ");
                    break;
                case IEnumerable<IReadOnlyDictionary<string, object?>> maps:
                    var items = maps.Where(m => m.Values.Any(v => v is not null)).ToList();
                    if (items.Count > 0)
                    {
                        text.Append(key).Append(":\n");
                        foreach (var map in items)
                        {
                            AppendMap(text, map, "  - ", "    ");
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        return text.Append("---\n").Append(body.Trim()).Append('\n').ToString();
    }

    private static void AppendMap(StringBuilder text, IReadOnlyDictionary<string, object?> map, string firstIndent, string? nextIndent = null)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            if (value is null)
            {
                continue;
            }

            text.Append(first ? firstIndent : nextIndent ?? firstIndent).Append(key).Append(": ")
                .Append(value is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Quote(value.ToString()!)).Append('\n');
            first = false;
        }
    }

    /// <summary>A double-quoted YAML scalar (always quoted: codes like "05" stay text).</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
        return "\"" + escaped + "\"";
    }
}
