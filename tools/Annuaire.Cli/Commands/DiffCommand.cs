using System.CommandLine;
using System.Formats.Tar;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Annuaire.Content;
using Annuaire.Content.Model;
using Annuaire.Content.Parsing;

namespace Annuaire.Cli.Commands;

/// <summary><c>annuaire diff REF</c>: a French summary of what changed in the catalogue since a git revision.</summary>
internal static class DiffCommand
{
    private static readonly string[] IgnoredProperties = [nameof(Offer.SourcePath), nameof(Offer.BodyLine), nameof(Offer.ThematiqueFamilies)];

    public static Command Create(CliConsole console)
    {
        var revision = new Argument<string>("revision") { Description = "Révision git de référence (ex. origin/main)." };
        var folder = CliOptions.Content();
        var format = CliOptions.Format("Sortie : markdown (commentaire de pull request).", "markdown");
        var command = new Command("diff", "Résume en français les offres ajoutées, supprimées et modifiées depuis une révision (Markdown).") { revision, folder, format };
        command.SetAction(result =>
        {
            var dir = Path.GetFullPath(result.GetValue(folder)!);
            var options = ValidationOptions.ForToday(console.Clock);
            var before = LoadAt(dir, result.GetValue(revision)!, options, console.Error);
            if (before is null)
            {
                return ExitCodes.Failure;
            }

            var after = ContentLoader.Load(dir, options);
            console.Out.Write(Describe(before, after));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static ContentCatalog? LoadAt(string contentDir, string revision, ValidationOptions options, TextWriter error)
    {
        var prefix = GitFiles.Run(contentDir, error, "rev-parse", "--show-prefix")?.Trim();
        var top = GitFiles.Run(contentDir, error, "rev-parse", "--show-toplevel")?.Trim();
        var archive = prefix is null || top is null ? null : GitArchive(top, $"{revision}:{prefix}", error);
        if (archive is null)
        {
            return null;
        }

        var temp = Directory.CreateTempSubdirectory("annuaire-diff-");
        try
        {
            TarFile.ExtractToDirectory(archive, temp.FullName, overwriteFiles: true);
            return ContentLoader.Load(temp.FullName, options);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private static MemoryStream? GitArchive(string dir, string treeish, TextWriter error)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git", ["archive", "--format=tar", treeish]) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var buffer = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(buffer);
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            error.WriteLine($"Erreur git archive {treeish} : {stderr.Trim()}");
            return null;
        }

        buffer.Position = 0;
        return buffer;
    }

    internal static string Describe(ContentCatalog before, ContentCatalog after)
    {
        var old = before.Offers.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var now = after.Offers.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var added = now.Keys.Except(old.Keys).Order(StringComparer.Ordinal).ToList();
        var removed = old.Keys.Except(now.Keys).Order(StringComparer.Ordinal).ToList();
        var changed = now.Keys.Intersect(old.Keys)
            .Select(id => (Id: id, Fields: ChangedFields(old[id], now[id])))
            .Where(x => x.Fields.Count > 0)
            .OrderBy(x => x.Id, StringComparer.Ordinal)
            .ToList();

        var md = new StringBuilder();
        md.AppendLine("## Modifications du catalogue");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{added.Count} offre(s) ajoutée(s), {removed.Count} supprimée(s), {changed.Count} modifiée(s) ; {after.Offers.Count} offres valides au total.");
        if (after.ErrorCount > 0)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"⚠️ {after.ErrorCount} erreur(s) de validation : les fichiers concernés ne seront pas publiés.");
        }

        Section(md, "Ajoutées", added.Select(id => $"**{now[id].Titre}** (`{id}`, {after.Referentials.PorteurName(now[id].Porteur)})"));
        Section(md, "Supprimées", removed.Select(id => $"**{old[id].Titre}** (`{id}`)"));
        Section(md, "Modifiées", changed.Select(x => $"**{now[x.Id].Titre}** (`{x.Id}`) : {string.Join(", ", x.Fields)}"));
        return md.ToString();
    }

    private static void Section(StringBuilder md, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"### {title}");
        md.AppendLine();
        foreach (var line in list)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }
    }

    /// <summary>Front-matter names of the fields that differ (the body is reported as « texte »).</summary>
    private static List<string> ChangedFields(Offer a, Offer b)
    {
        var fields = new List<string>();
        foreach (var property in typeof(Offer).GetProperties().Where(p => !IgnoredProperties.Contains(p.Name)))
        {
            if (JsonSerializer.Serialize(property.GetValue(a)) != JsonSerializer.Serialize(property.GetValue(b)))
            {
                fields.Add(property.Name == nameof(Offer.Body) ? "texte" : ToKey(property.Name));
            }
        }

        return fields;
    }

    private static string ToKey(string name) => name switch
    {
        nameof(Offer.ValideJusquAu) => "valide_jusqu_au",
        _ => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
    };
}
