using System.Diagnostics;

namespace Annuaire.Bench.Postgres;

/// <summary>A throwaway cluster started by <c>tools/postgres-bench.sh start</c> and removed on dispose.</summary>
internal sealed class PostgresCluster : IDisposable
{
    private readonly string _script;
    private readonly string _dataFolder;

    private PostgresCluster(string script, string dataFolder, string connectionString)
    {
        _script = script;
        _dataFolder = dataFolder;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static PostgresCluster Start(string repositoryRoot)
    {
        var script = Path.Combine(repositoryRoot, "tools", "postgres-bench.sh");
        var output = Run(script, "start");
        string? Value(string key) => output.Split('\n').FirstOrDefault(l => l.StartsWith(key + "=", StringComparison.Ordinal))?[(key.Length + 1)..].Trim();
        return new PostgresCluster(script,
            Value("PGDATA") ?? throw new InvalidOperationException("tools/postgres-bench.sh start n'a pas donné PGDATA."),
            Value("CONNECTION") ?? throw new InvalidOperationException("tools/postgres-bench.sh start n'a pas donné CONNECTION."));
    }

    public void Dispose() => Run(_script, "stop", _dataFolder);

    private static string Run(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo(script) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Impossible de lancer {script}.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} : code de sortie {process.ExitCode}.");
    }
}
