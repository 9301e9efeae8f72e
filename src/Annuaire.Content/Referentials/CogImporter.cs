using System.Text.Json;

namespace Annuaire.Content.Referentials;

/// <summary>
/// Builds the national geography from Etalab's <c>@etalab/decoupage-administratif</c> npm package
/// (its <c>data/*.json</c>, fetched with <c>npm pack</c>; no Node needed): current communes of
/// metropolitan France and the five DROM, the municipal arrondissements of Paris, Lyon and
/// Marseille, their postal codes, EPCI, département and région.
/// </summary>
public static class CogImporter
{
    /// <summary>Reads the package folder (the one holding <c>package.json</c> and <c>data/</c>).</summary>
    /// <returns>The territories and a description of the source (package name and version).</returns>
    public static (Territories Territories, string Source) Import(string packageFolder)
    {
        var data = Path.Combine(packageFolder, "data");
        using var package = Parse(Path.Combine(packageFolder, "package.json"));
        var source = $"{package.RootElement.GetProperty("name").GetString()} {package.RootElement.GetProperty("version").GetString()}";

        var territories = Territories.Empty;
        var departements = new List<KeyValuePair<string, string>>();
        using (var json = Parse(Path.Combine(data, "departements.json")))
        {
            foreach (var d in json.RootElement.EnumerateArray())
            {
                var code = d.GetProperty("code").GetString()!;
                if (territories.Classify(code) == TerritoryKind.Departement)
                {
                    departements.Add(new(code, d.GetProperty("nom").GetString()!));
                }
            }
        }

        var known = departements.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var epciOfCommune = new Dictionary<string, string>(StringComparer.Ordinal);
        var epcis = new List<Epci>();
        using (var json = Parse(Path.Combine(data, "epci.json")))
        {
            foreach (var e in json.RootElement.EnumerateArray())
            {
                var code = e.GetProperty("code").GetString()!;
                var members = e.GetProperty("membres").EnumerateArray().Select(m => m.GetProperty("code").GetString()!).ToList();
                foreach (var member in members)
                {
                    epciOfCommune[member] = code;
                }

                var byDepartement = members.Select(DepartementOfCommune).Where(known.Contains)
                    .GroupBy(d => d).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
                if (byDepartement.Count > 0)
                {
                    epcis.Add(new Epci(code, e.GetProperty("nom").GetString()!, byDepartement[0]) { Departements = byDepartement, Type = e.GetProperty("type").GetString() });
                }
            }
        }

        var communes = new List<Commune>();
        using (var json = Parse(Path.Combine(data, "communes.json")))
        {
            foreach (var c in json.RootElement.EnumerateArray())
            {
                var type = c.GetProperty("type").GetString();
                var departement = c.TryGetProperty("departement", out var d) ? d.GetString() : null;
                if (type is not ("commune-actuelle" or "arrondissement-municipal") || departement is null || !known.Contains(departement))
                {
                    continue; // Former (déléguées, associées) communes and overseas collectivities outside the DROM.
                }

                var code = c.GetProperty("code").GetString()!;
                var parent = type == "arrondissement-municipal" ? c.GetProperty("commune").GetString() : null;
                communes.Add(new Commune(
                    code,
                    c.GetProperty("nom").GetString()!,
                    departement,
                    epciOfCommune.GetValueOrDefault(parent ?? code),
                    c.TryGetProperty("codesPostaux", out var postal) ? [.. postal.EnumerateArray().Select(p => p.GetString()!)] : [])
                {
                    Region = c.TryGetProperty("region", out var r) ? r.GetString() : null,
                    Population = c.TryGetProperty("population", out var p) ? p.GetInt32() : 0,
                    Parent = parent,
                });
            }
        }

        var regions = new List<Region>();
        using (var json = Parse(Path.Combine(data, "regions.json")))
        {
            var departementsOfRegion = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            using var deps = Parse(Path.Combine(data, "departements.json"));
            foreach (var dep in deps.RootElement.EnumerateArray())
            {
                var code = dep.GetProperty("code").GetString()!;
                var region = dep.GetProperty("region").GetString()!;
                if (known.Contains(code))
                {
                    (departementsOfRegion.TryGetValue(region, out var list) ? list : departementsOfRegion[region] = []).Add(code);
                }
            }

            foreach (var r in json.RootElement.EnumerateArray())
            {
                var code = r.GetProperty("code").GetString()!;
                if (departementsOfRegion.TryGetValue(code, out var list))
                {
                    regions.Add(new Region(code, r.GetProperty("nom").GetString()!, list));
                }
            }
        }

        return (new Territories(departements, communes, epcis, regions), source);
    }

    private static JsonDocument Parse(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonDocument.Parse(stream);
    }

    private static string DepartementOfCommune(string code) =>
        code.StartsWith("97", StringComparison.Ordinal) ? code[..3] : code[..2];
}
