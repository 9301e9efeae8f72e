using System.Globalization;

namespace Annuaire.LoadTest;

/// <summary>Command-line options of the load test.</summary>
internal sealed record LoadTestOptions
{
    /// <summary>Base URL of a running site (loopback only).</summary>
    public Uri BaseUrl { get; init; } = new("http://127.0.0.1:5080");

    /// <summary>How long to run.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Concurrent clients.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Content folder to modify during the run (null: no modification).</summary>
    public string? TouchContent { get; init; }

    /// <summary>Whether every request is a distinct search (defeats the output cache).</summary>
    public bool Distinct { get; init; }

    /// <summary>File to write the result row to (Markdown table row), or null.</summary>
    public string? Report { get; init; }

    /// <summary>Time spent loading the site before measuring (compilation, caches): its answers are checked but not timed.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.Zero;

    /// <summary>Process id of the site, to report its CPU time per request (null: not reported).</summary>
    public int? ServerProcessId { get; init; }

    /// <summary>Delay between content modifications.</summary>
    public TimeSpan TouchEvery { get; init; } = TimeSpan.FromSeconds(10);

    public static LoadTestOptions Parse(string[] args)
    {
        var options = new LoadTestOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--url" => options with { BaseUrl = new Uri(args[i + 1]) },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(int.Parse(args[i + 1], CultureInfo.InvariantCulture)) },
                "--concurrency" => options with { Concurrency = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--touch-content" => options with { TouchContent = args[i + 1] },
                "--distinct" => options with { Distinct = args[i + 1] is "oui" or "true" or "1" },
                "--report" => options with { Report = args[i + 1] },
                "--warmup" => options with { WarmUp = TimeSpan.FromSeconds(int.Parse(args[i + 1], CultureInfo.InvariantCulture)) },
                "--server-pid" => options with { ServerProcessId = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--touch-every" => options with { TouchEvery = TimeSpan.FromSeconds(int.Parse(args[i + 1], CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"Option inconnue : {args[i]} (options : --url, --seconds, --warmup, --concurrency, --distinct oui, --server-pid, --touch-content, --touch-every, --report)"),
            };
        }

        if (!options.BaseUrl.IsLoopback)
        {
            throw new ArgumentException("Le test de charge ne vise que la boucle locale (127.0.0.1, localhost).");
        }

        return options;
    }
}
