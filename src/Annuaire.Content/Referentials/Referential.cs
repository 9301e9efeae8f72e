namespace Annuaire.Content.Referentials;

/// <summary>An ordered list of allowed keys with their French labels (one YAML referential).</summary>
public sealed class Referential
{
    private readonly Dictionary<string, string> _labels;

    /// <summary>Creates a referential from ordered (key, label) pairs.</summary>
    public Referential(string name, IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Name = name;
        var list = entries.ToList();
        Keys = list.ConvertAll(e => e.Key);
        _labels = new Dictionary<string, string>(list, StringComparer.Ordinal);
    }

    /// <summary>The referential's file name (for messages).</summary>
    public string Name { get; }

    /// <summary>Keys in file order.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Whether <paramref name="key"/> is allowed.</summary>
    public bool Contains(string key) => _labels.ContainsKey(key);

    /// <summary>The French label of <paramref name="key"/>, or the key itself when unknown.</summary>
    public string Label(string key) => _labels.TryGetValue(key, out var label) ? label : key;

    /// <summary>An empty referential (used when its file is missing, alongside an error diagnostic).</summary>
    public static Referential Empty(string name) => new(name, []);
}
