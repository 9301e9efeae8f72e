using System.Diagnostics;

namespace Annuaire.Bench;

/// <summary>Latencies of one pass over a query list, on one or more threads.</summary>
internal sealed class LatencyRun
{
    private readonly double[] _sorted;

    private LatencyRun(double[] sorted, double seconds, long totalHits)
    {
        _sorted = sorted;
        Seconds = seconds;
        MeanHits = (double)totalHits / sorted.Length;
    }

    public double Seconds { get; }

    /// <summary>Mean number of matching offers per query (a sanity check that both engines do comparable work).</summary>
    public double MeanHits { get; }

    public double QueriesPerSecond => _sorted.Length / Seconds;

    public double Max => _sorted[^1];

    public double P(double quantile) => _sorted[Math.Min(_sorted.Length - 1, (int)(quantile * _sorted.Length))];

    /// <summary>Runs <paramref name="search"/> (index → number of hits) for every index, split over <paramref name="threads"/>.</summary>
    public static LatencyRun Measure(int count, Func<int, int> search, int threads)
    {
        var latencies = new double[count];
        var hits = new long[threads];
        var wall = Stopwatch.GetTimestamp();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            for (var q = t; q < count; q += threads)
            {
                var start = Stopwatch.GetTimestamp();
                hits[t] += search(q);
                latencies[q] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        });
        var seconds = Stopwatch.GetElapsedTime(wall).TotalSeconds;
        Array.Sort(latencies);
        return new LatencyRun(latencies, seconds, hits.Sum());
    }
}
