using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;

namespace Annuaire.Content.Exchange;

/// <summary>
/// The services as a CSV that French spreadsheets open as they are: UTF-8 with a byte-order mark
/// (otherwise Excel reads « é » as « Ã© »), <c>;</c> between columns (the list separator of a
/// French Windows), CRLF line ends, lists joined with <c>,</c>, numbers with a dot.
/// </summary>
public static class DataInclusionCsv
{
    /// <summary>Column separator.</summary>
    public const char Separator = ';';

    /// <summary>Separator of the values of a list column (thématiques, publics…).</summary>
    public const char ListSeparator = ',';

    /// <summary>UTF-8 with a byte-order mark.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static readonly (PropertyInfo Property, string Name)[] Columns =
        [.. typeof(DataInclusionService).GetProperties().Select(p => (p, p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name))];

    /// <summary>The CSV text (without the byte-order mark, which <see cref="Encoding"/> adds when writing).</summary>
    public static string ToCsv(IReadOnlyList<DataInclusionService> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var csv = new StringBuilder();
        csv.Append(string.Join(Separator, Columns.Select(c => c.Name))).Append("\r\n");
        foreach (var service in services)
        {
            csv.Append(string.Join(Separator, Columns.Select(c => Escape(c.Property.GetValue(service) switch
            {
                null => string.Empty,
                IEnumerable<string> list => string.Join(ListSeparator, list),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString() ?? string.Empty,
            })))).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Writes <paramref name="services"/> to <paramref name="path"/> with the byte-order mark.</summary>
    public static void Write(string path, IReadOnlyList<DataInclusionService> services) =>
        File.WriteAllText(path, ToCsv(services), Encoding);

    private static string Escape(string value)
    {
        // A cell starting with = or @ (or + and - before a non-digit) is a formula to a spreadsheet:
        // an apostrophe keeps it text (phone numbers like +33… stay as they are).
        if (value.Length > 0 && (value[0] is '=' or '@' or '\t' or '\r' || (value[0] is '+' or '-' && (value.Length == 1 || !char.IsAsciiDigit(value[1])))))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([Separator, '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
