using System.Text.RegularExpressions;
using Annuaire.Content.Model;

namespace Annuaire.Content.Referentials;

/// <summary>
/// The national geography (<c>geographie.tsv</c>, generated from the Code officiel géographique):
/// régions, départements, communes and EPCIs, and the rules that relate them. A commune belongs
/// to a département (from its INSEE code), a région and possibly an EPCI.
/// </summary>
public sealed partial class Territories
{
    private static readonly IReadOnlyList<Commune> NoCommunes = [];

    private readonly Dictionary<string, string> _departements;
    private readonly Dictionary<string, Commune> _communes;
    private readonly Dictionary<string, Epci> _epcis;
    private readonly Dictionary<string, Region> _regions;
    private readonly Dictionary<string, string> _regionOfDepartement = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Commune>> _communesByPostalCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Commune>> _communesByEpci = new(StringComparer.Ordinal);

    /// <summary>Creates the territories referential.</summary>
    public Territories(IEnumerable<KeyValuePair<string, string>> departements, IEnumerable<Commune> communes, IEnumerable<Epci> epcis, IEnumerable<Region>? regions = null)
    {
        _departements = new Dictionary<string, string>(departements, StringComparer.Ordinal);
        _communes = communes.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _epcis = epcis.ToDictionary(e => e.Code, StringComparer.Ordinal);
        _regions = (regions ?? []).ToDictionary(r => r.Code, StringComparer.Ordinal);
        foreach (var region in _regions.Values)
        {
            foreach (var departement in region.Departements)
            {
                _regionOfDepartement[departement] = region.Code;
            }
        }

        foreach (var commune in _communes.Values)
        {
            foreach (var postalCode in commune.CodesPostaux)
            {
                Append(_communesByPostalCode, postalCode, commune);
            }

            if (commune.Epci is not null && commune.Parent is null)
            {
                Append(_communesByEpci, commune.Epci, commune);
            }
        }

        foreach (var list in _communesByPostalCode.Values)
        {
            list.Sort((a, b) => b.Population.CompareTo(a.Population));
        }
    }

    private static void Append(Dictionary<string, List<Commune>> index, string key, Commune commune)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(commune);
    }

    /// <summary>An empty referential.</summary>
    public static Territories Empty { get; } = new([], [], []);

    /// <summary>Régions by code.</summary>
    public IReadOnlyDictionary<string, Region> Regions => _regions;

    /// <summary>The région of a département, when known.</summary>
    public Region? RegionOf(string departement) =>
        _regionOfDepartement.TryGetValue(departement, out var code) ? _regions[code] : null;

    /// <summary>The communes (and municipal arrondissements) a postal code serves, largest first.</summary>
    public IReadOnlyList<Commune> CommunesWithPostalCode(string postalCode) =>
        _communesByPostalCode.TryGetValue(postalCode, out var list) ? list : NoCommunes;

    /// <summary>The member communes of an EPCI.</summary>
    public IReadOnlyList<Commune> CommunesOfEpci(string epci) =>
        _communesByEpci.TryGetValue(epci, out var list) ? list : NoCommunes;

    /// <summary>Département codes and names, in file order.</summary>
    public IReadOnlyDictionary<string, string> Departements => _departements;

    /// <summary>Known communes by INSEE code.</summary>
    public IReadOnlyDictionary<string, Commune> Communes => _communes;

    /// <summary>Known EPCIs by SIREN.</summary>
    public IReadOnlyDictionary<string, Epci> Epcis => _epcis;

    /// <summary>Classifies a code by its shape (and, for départements, by the referential).</summary>
    public TerritoryKind Classify(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code == Offer.France)
        {
            return TerritoryKind.France;
        }

        if (DepartementPattern().IsMatch(code))
        {
            // An empty referential (missing file, already reported) accepts any well-formed code.
            return _departements.Count == 0 || _departements.ContainsKey(code) ? TerritoryKind.Departement : TerritoryKind.Invalid;
        }

        if (CommunePattern().IsMatch(code) && DepartementPattern().IsMatch(DepartementOfCommune(code)))
        {
            return TerritoryKind.Commune;
        }

        return EpciPattern().IsMatch(code) ? TerritoryKind.Epci : TerritoryKind.Invalid;
    }

    /// <summary>
    /// The département a zone code lies in: itself for a département, its prefix for a
    /// commune, the referential's for an EPCI; null for <c>france</c> or an unknown EPCI.
    /// </summary>
    public string? DepartementOf(string code) => Classify(code) switch
    {
        TerritoryKind.Departement => code,
        TerritoryKind.Commune => DepartementOfCommune(code),
        TerritoryKind.Epci => _epcis.TryGetValue(code, out var epci) ? epci.Departement : null,
        _ => null,
    };

    /// <summary>The EPCI of a commune, when known.</summary>
    public string? EpciOf(string communeCode) => _communes.TryGetValue(communeCode, out var c) ? c.Epci : null;

    /// <summary>Whether the referential knows the whole country (not an empty or partial test file).</summary>
    public bool IsEmpty => _communes.Count == 0;

    /// <summary>A human name for a zone code: "Loiret (45)", "Montargis", "France entière".</summary>
    public string NameOf(string code) => Classify(code) switch
    {
        TerritoryKind.France => "France entière",
        TerritoryKind.Departement => _departements.TryGetValue(code, out var name) ? $"{name} ({code})" : code,
        TerritoryKind.Commune => _communes.TryGetValue(code, out var c) ? $"{c.Nom} ({c.Departement})" : $"Commune {code}",
        TerritoryKind.Epci => _epcis.TryGetValue(code, out var e) ? e.Nom : $"Intercommunalité {code}",
        _ => code,
    };

    private static string DepartementOfCommune(string code) =>
        code.StartsWith("97", StringComparison.Ordinal) ? code[..3] : code[..2];

    [GeneratedRegex("^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6])$", RegexOptions.CultureInvariant)]
    private static partial Regex DepartementPattern();

    [GeneratedRegex("^([0-9]{2}|2[AB])[0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommunePattern();

    [GeneratedRegex("^[0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex EpciPattern();
}
