using System.Diagnostics;
using System.Globalization;
using System.Text;
using Annuaire.Bench.Realistic;
using Annuaire.Content;
using Annuaire.Content.Model;
using Annuaire.Content.Text;
using Npgsql;
using NpgsqlTypes;

namespace Annuaire.Bench.Postgres;

/// <summary>
/// The same catalogue in PostgreSQL full-text search, configured as data·inclusion configures it:
/// unaccent then french_stem, title weighted A, summary B, body C, one GIN index,
/// <c>websearch_to_tsquery</c> and <c>ts_rank</c>; filters on the same keys as the engine
/// (département or national, thématique family, public; archived offers excluded).
/// </summary>
internal sealed class PostgresPeer(string connectionString) : IDisposable
{
    private const string Configuration = "french_unaccent";
    // No command timeout: at 100,000 offers the COPY (which computes every tsvector) takes minutes.
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 });

    /// <summary>Seconds spent copying rows (with the tsvector computed) and building indexes.</summary>
    public sealed record LoadTimes(double CopySeconds, double IndexSeconds, long TableBytes);

    public LoadTimes Load(ContentCatalog catalog)
    {
        using var connection = _dataSource.OpenConnection();
        Execute(connection, $"""
            DROP TABLE IF EXISTS offre;
            CREATE EXTENSION IF NOT EXISTS unaccent;
            DROP TEXT SEARCH CONFIGURATION IF EXISTS {Configuration};
            CREATE TEXT SEARCH CONFIGURATION {Configuration} (COPY = french);
            ALTER TEXT SEARCH CONFIGURATION {Configuration} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
            CREATE TABLE offre (
                id text PRIMARY KEY,
                titre text NOT NULL,
                resume text NOT NULL,
                corps text NOT NULL,
                familles text[] NOT NULL,
                publics text[] NOT NULL,
                departements text[] NOT NULL,
                date_maj date NOT NULL,
                archive boolean NOT NULL,
                searchable tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('{Configuration}', titre), 'A')
                    || setweight(to_tsvector('{Configuration}', resume), 'B')
                    || setweight(to_tsvector('{Configuration}', corps), 'C')) STORED
            );
            """);

        var territories = catalog.Referentials.Territories;
        var start = Stopwatch.GetTimestamp();
        using (var writer = connection.BeginBinaryImport("COPY offre (id, titre, resume, corps, familles, publics, departements, date_maj, archive) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var offer in catalog.Offers)
            {
                writer.StartRow();
                writer.Write(offer.Id, NpgsqlDbType.Text);
                writer.Write(offer.Titre, NpgsqlDbType.Text);
                writer.Write(offer.Resume, NpgsqlDbType.Text);
                // The engine indexes the body as plain text too.
                writer.Write(OfferMarkdown.ToPlainText(offer.Body), NpgsqlDbType.Text);
                writer.Write(offer.ThematiqueFamilies.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                writer.Write(offer.Publics.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                writer.Write(offer.ZoneEligibilite.Select(z => z == Offer.France ? Offer.France : territories.DepartementOf(z)).OfType<string>().Distinct().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                writer.Write(offer.DateMaj, NpgsqlDbType.Date);
                writer.Write(offer.Statut == OfferStatus.Archive, NpgsqlDbType.Boolean);
            }

            writer.Complete();
        }

        var copied = Stopwatch.GetElapsedTime(start).TotalSeconds;
        start = Stopwatch.GetTimestamp();
        Execute(connection, """
            CREATE INDEX offre_searchable ON offre USING gin (searchable);
            CREATE INDEX offre_departements ON offre USING gin (departements);
            CREATE INDEX offre_familles ON offre USING gin (familles);
            CREATE INDEX offre_publics ON offre USING gin (publics);
            """);
        Execute(connection, "VACUUM ANALYZE offre");
        var indexed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        using var size = new NpgsqlCommand("SELECT pg_total_relation_size('offre')", connection);
        return new LoadTimes(copied, indexed, (long)size.ExecuteScalar()!);
    }

    /// <summary>What a query asks PostgreSQL for, beyond the ranked page and the total.</summary>
    public enum Work
    {
        /// <summary>The ranked page (id, title, summary) and the total, as data·inclusion does.</summary>
        Page,

        /// <summary>The page with its title, summary and a passage of the text highlighted (<c>ts_headline</c>), as the engine's page.</summary>
        PageWithHeadlines,

        /// <summary>The page, the total and counts per family, public and département.</summary>
        PageWithCounts,
    }

    /// <summary>One query, doing <paramref name="work"/>.</summary>
    /// <returns>The total number of matching offers.</returns>
    public int Search(AdviserQuery query, Work work)
    {
        var facets = work == Work.PageWithCounts;
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand(Sql(query, work), connection);
        command.Parameters.Add(new NpgsqlParameter<string>("text", query.Text));
        foreach (var (name, value) in new[] { ("departement", query.Departement), ("famille", query.Famille), ("public", query.Public) })
        {
            if (value is not null)
            {
                command.Parameters.Add(new NpgsqlParameter<string>(name, value));
            }
        }

        command.Parameters.Add(new NpgsqlParameter<int>("offset", (query.Page - 1) * AdviserQuery.PageSize));
        using var reader = command.ExecuteReader();
        var total = 0;
        while (reader.Read())
        {
            if (facets)
            {
                total = reader.GetInt32(0) == 4 ? (int)reader.GetInt64(3) : total;
            }
            else
            {
                total = (int)reader.GetInt64(reader.GetOrdinal("total"));
            }
        }

        return total;
    }

    /// <summary>A trivial round trip, to read latencies against the loopback cost.</summary>
    public void Ping()
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT 1", connection);
        command.ExecuteScalar();
    }

    /// <summary>Proportional set size of the server's processes (shared memory counted once), in bytes.</summary>
    public long ServerMemory()
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT current_setting('data_directory')", connection);
        var pidFile = Path.Combine((string)command.ExecuteScalar()!, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture, out var postmaster))
        {
            return 0;
        }

        var total = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid) && (pid == postmaster || ParentOf(pid) == postmaster))
            {
                total += Pss(pid);
            }
        }

        return total;
    }

    public void Dispose() => _dataSource.Dispose();

    private static string Sql(AdviserQuery query, Work work)
    {
        var where = new StringBuilder("searchable @@ query AND NOT archive");
        if (query.Departement is not null)
        {
            where.Append(" AND departements && ARRAY[@departement, 'france']");
        }

        if (query.Famille is not null)
        {
            where.Append(" AND familles && ARRAY[@famille]");
        }

        if (query.Public is not null)
        {
            where.Append(" AND publics && ARRAY[@public]");
        }

        var from = $"offre, websearch_to_tsquery('{Configuration}', @text) query";
        if (work == Work.Page)
        {
            return $"""
                SELECT id, titre, resume, ts_rank(searchable, query) AS rank, count(*) OVER () AS total
                FROM {from} WHERE {where}
                ORDER BY rank DESC, id LIMIT {AdviserQuery.PageSize} OFFSET @offset
                """;
        }

        if (work == Work.PageWithHeadlines)
        {
            // Headlines of the page's rows only (the texts are read back by id after the page is
            // chosen): title and summary whole, and the passage of the text around the matches,
            // about as long as the engine's snippet (220 characters).
            return $"""
                SELECT o.id, ts_headline('{Configuration}', o.titre, page.query) AS titre, ts_headline('{Configuration}', o.resume, page.query) AS resume,
                       ts_headline('{Configuration}', o.corps, page.query, 'MaxFragments=1, MinWords=20, MaxWords=35') AS extrait, page.rank, page.total
                FROM (SELECT id, query, ts_rank(searchable, query) AS rank, count(*) OVER () AS total
                      FROM {from} WHERE {where}
                      ORDER BY rank DESC, id LIMIT {AdviserQuery.PageSize} OFFSET @offset) page
                JOIN offre o USING (id)
                ORDER BY page.rank DESC, o.id
                """;
        }

        // Counts within the filtered set: simpler (and cheaper) than the engine's, where each
        // dimension ignores its own filter.
        return $"""
            WITH m AS MATERIALIZED (
                SELECT id, titre, resume, familles, publics, departements, ts_rank(searchable, query) AS rank FROM {from} WHERE {where})
            SELECT 0 AS kind, id, titre, 0::bigint AS n FROM (SELECT id, titre, resume, rank FROM m ORDER BY rank DESC, id LIMIT {AdviserQuery.PageSize} OFFSET @offset) page
            UNION ALL SELECT 1, f, NULL, count(*) FROM m, unnest(familles) f GROUP BY f
            UNION ALL SELECT 2, p, NULL, count(*) FROM m, unnest(publics) p GROUP BY p
            UNION ALL SELECT 3, d, NULL, count(*) FROM m, unnest(departements) d GROUP BY d
            UNION ALL SELECT 4, NULL, NULL, count(*) FROM m
            """;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    private static int ParentOf(int pid)
    {
        try
        {
            // "pid (comm) state ppid …": the command may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private static long Pss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
