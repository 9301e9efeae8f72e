using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Annuaire.Content.Exchange;

/// <summary>
/// Writes offer files (front-matter + body) with keys in the order given. The front-matter goes
/// through YamlDotNet's emitter, so any text (quotes, backslashes, control characters pasted from
/// a word processor) is escaped the way the parser reads it back.
/// </summary>
public static class OfferYamlWriter
{
    /// <summary>Renders an ordered set of front-matter values and a body as an offer file.</summary>
    /// <param name="fields">
    /// Key → value: string (always double-quoted, so codes like "05" stay text), <see cref="DateOnly"/>,
    /// number, list of strings (written as a flow list), key/value map (<c>contact</c>) or list of
    /// maps (<c>lieux</c>). Null and empty values are left out.
    /// </param>
    /// <param name="body">Markdown body.</param>
    public static string Write(IEnumerable<KeyValuePair<string, object?>> fields, string body)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(body);
        using var yaml = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        // No line folding: a long summary stays on one line, easy to review in a diff.
        var emitter = new Emitter(yaml, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, indentSequences: true, newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        EmitMap(emitter, fields);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return "---\n" + yaml + "---\n" + body.Trim() + "\n";
    }

    private static void EmitMap(IEmitter emitter, IEnumerable<KeyValuePair<string, object?>> fields)
    {
        emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
        foreach (var (key, value) in fields)
        {
            if (IsEmpty(value))
            {
                continue;
            }

            emitter.Emit(new Scalar(null, null, key, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
            EmitValue(emitter, value!);
        }

        emitter.Emit(new MappingEnd());
    }

    private static void EmitValue(IEmitter emitter, object value)
    {
        switch (value)
        {
            case string s:
                emitter.Emit(new Scalar(null, null, s, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
                break;
            case DateOnly date:
                emitter.Emit(new Scalar(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                break;
            case double d:
                emitter.Emit(new Scalar(d.ToString("R", CultureInfo.InvariantCulture)));
                break;
            case IFormattable number and (int or long or decimal):
                emitter.Emit(new Scalar(number.ToString(null, CultureInfo.InvariantCulture)));
                break;
            case IEnumerable<string> list:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Flow));
                foreach (var item in list)
                {
                    EmitValue(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                EmitMap(emitter, map);
                break;
            case IEnumerable<IEnumerable<KeyValuePair<string, object?>>> maps:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
                foreach (var map in maps.Where(m => !IsEmpty(m)))
                {
                    EmitMap(emitter, map);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                throw new ArgumentException($"Type de valeur non pris en charge : {value.GetType().Name}.", nameof(value));
        }
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        IEnumerable<string> list => !list.Any(),
        IEnumerable<KeyValuePair<string, object?>> map => map.All(kv => IsEmpty(kv.Value)),
        IEnumerable<IEnumerable<KeyValuePair<string, object?>>> maps => maps.All(IsEmpty),
        _ => false,
    };
}
