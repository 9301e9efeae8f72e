using System.Text;
using Annuaire.Content;

namespace Annuaire.Bench;

/// <summary>
/// Writes a content folder of N offers for HTTP benchmarks: the referentials, and copies of real
/// offer files with a distinct slug and a title varied by place name (so every file still validates).
/// </summary>
internal static class CorpusWriter
{
    public static int Write(ContentCatalog source, int count, string target, int seed)
    {
        var random = new Random(seed);
        var referentials = Path.Combine(source.Root, "referentiels");
        var targetReferentials = Directory.CreateDirectory(Path.Combine(target, "referentiels")).FullName;
        foreach (var file in Directory.EnumerateFiles(referentials))
        {
            File.Copy(file, Path.Combine(targetReferentials, Path.GetFileName(file)), overwrite: true);
        }

        var offers = source.Offers;
        var places = source.Referentials.Territories.Communes.Values.Select(c => c.Nom).ToArray();
        var folder = Directory.CreateDirectory(Path.Combine(target, "offres", "gen")).FullName;
        for (var i = 0; i < count; i++)
        {
            var model = offers[random.Next(offers.Count)];
            var lines = File.ReadAllLines(Path.Combine(source.Root, model.SourcePath), Encoding.UTF8);
            var titre = model.Titre.Length > 100 ? model.Titre[..100] : model.Titre;
            for (var l = 0; l < lines.Length; l++)
            {
                if (lines[l].StartsWith("titre:", StringComparison.Ordinal))
                {
                    lines[l] = $"titre: \"{titre.Replace("\"", "\\\"", StringComparison.Ordinal)} – {places[random.Next(places.Length)]} {i}\"";
                    break;
                }
            }

            File.WriteAllLines(Path.Combine(folder, $"{model.Id}-{i}.md"), lines, new UTF8Encoding(false));
        }

        return count;
    }
}
