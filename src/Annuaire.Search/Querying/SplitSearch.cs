using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Annuaire.Search.Querying;

/// <summary>
/// Runs one pass of a query over the index, its documents cut into ranges searched at the same
/// time by several workers when cores are idle: a search with many candidates on a quiet server
/// then uses every core, while a busy server (as many searches running as cores) keeps each
/// search on one thread (<see cref="WorkersFor"/>). Each worker has its own scorer and
/// collector, and takes the ranges in document order, so its scorer only moves forward; the
/// caller merges the collectors. One worker or many, documents are scored the same way (in
/// order, by the same weight), so results do not depend on the split.
/// </summary>
internal static class SplitSearch
{
    /// <summary>A collector that may have seen enough: its worker then stops, without the cost of an exception.</summary>
    public interface ILimitedCollector : ICollector
    {
        /// <summary>Whether further documents are of no use to this collector.</summary>
        bool IsFull { get; }
    }

    /// <summary>
    /// Below this many candidate documents (the scorer's cost estimate: for words that must all
    /// match, the postings of the rarest) a pass runs on one thread: starting a second worker
    /// costs more than it saves.
    /// </summary>
    public const long MinCostToSplit = 4_000;

    /// <summary>Ranges per worker: small enough that an uneven spread of matches still shares the work.</summary>
    private const int RangesPerWorker = 4;

    /// <summary>Most workers one search takes.</summary>
    private const int MaxWorkers = 4;

    /// <summary>Workers for one search when <paramref name="running"/> searches (this one included) are running now.</summary>
    public static int WorkersFor(int running) =>
        Math.Clamp(Environment.ProcessorCount / Math.Max(1, running), 1, MaxWorkers);

    /// <summary>
    /// Runs <paramref name="query"/> (restricted to <paramref name="filter"/>) with up to
    /// <paramref name="workers"/> workers; returns the collectors of the workers that took part,
    /// the first one always. A <see cref="CollectionTerminatedException"/> thrown by a collector
    /// ends that worker's pass over the current segment, as <see cref="IndexSearcher"/> does.
    /// </summary>
    public static TCollector[] Run<TCollector>(IndexSearcher searcher, Query query, Filter? filter, int workers, Func<TCollector> create, long minCostToSplit = MinCostToSplit)
        where TCollector : ICollector
    {
        var weight = searcher.CreateNormalizedWeight(filter is null ? query : new FilteredQuery(query, filter));
        var leaves = searcher.IndexReader.Leaves;
        var first = new Worker<TCollector>(weight, create());

        // The first worker's scorers tell the cost; they are then used for its own ranges.
        long cost = 0;
        foreach (var leaf in leaves)
        {
            cost += first.Open(leaf)?.GetCost() ?? 0;
        }

        if (workers <= 1 || cost < minCostToSplit)
        {
            foreach (var leaf in leaves)
            {
                first.Collect(leaf, 0, leaf.AtomicReader.MaxDoc);
            }

            return [first.Collector];
        }

        // Ranges in proportion to each segment's size: the small segments of recent updates get one.
        var ranges = new List<(AtomicReaderContext Leaf, int Start, int End)>();
        var total = Math.Max(1, searcher.IndexReader.MaxDoc);
        foreach (var leaf in leaves)
        {
            var maxDoc = leaf.AtomicReader.MaxDoc;
            var count = (int)Math.Clamp((long)workers * RangesPerWorker * maxDoc / total, 1, Math.Max(1, maxDoc));
            for (var r = 0; r < count; r++)
            {
                ranges.Add((leaf, (int)((long)maxDoc * r / count), (int)((long)maxDoc * (r + 1) / count)));
            }
        }

        // Each other worker is offered to an idle thread; one not started when the ranges are all
        // taken is dropped by the caller, which never waits for a thread that has not started.
        var shared = new Shared(ranges.Count);
        var others = new TCollector?[workers - 1];
        IdleCore.All(
            () => first.Take(ranges, shared),
            [.. Enumerable.Range(0, others.Length).Select(h => (Action)(() =>
            {
                if (shared.AnyLeft)
                {
                    var worker = new Worker<TCollector>(weight, create());
                    others[h] = worker.Collector;
                    worker.Take(ranges, shared);
                }
            }))]);

        return [first.Collector, .. others.OfType<TCollector>()];
    }

    /// <summary>The next range to take, shared by the workers of one pass.</summary>
    private sealed class Shared(int count)
    {
        private int _next = -1;

        /// <summary>Whether a range may still be left (a hint: <see cref="Next"/> decides).</summary>
        public bool AnyLeft => Volatile.Read(ref _next) + 1 < count;

        public int Next()
        {
            var next = Interlocked.Increment(ref _next);
            return next < count ? next : -1;
        }
    }

    /// <summary>One worker: a collector and, per segment, a scorer that only moves forward.</summary>
    private sealed class Worker<TCollector>(Weight weight, TCollector collector)
        where TCollector : ICollector
    {
        private readonly ILimitedCollector? _limited = collector as ILimitedCollector;
        private readonly Dictionary<int, Scorer?> _scorers = [];
        private readonly HashSet<int> _terminated = [];
        private int _current = -1;

        public TCollector Collector => collector;

        /// <summary>The scorer of a segment (null when nothing in it can match), opened once.</summary>
        public Scorer? Open(AtomicReaderContext leaf)
        {
            if (!_scorers.TryGetValue(leaf.Ord, out var scorer))
            {
                scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                _scorers[leaf.Ord] = scorer;
            }

            return scorer;
        }

        public void Take(List<(AtomicReaderContext Leaf, int Start, int End)> ranges, Shared shared)
        {
            for (var r = shared.Next(); r >= 0; r = shared.Next())
            {
                Collect(ranges[r].Leaf, ranges[r].Start, ranges[r].End);
            }
        }

        /// <summary>Collects the matches of <paramref name="leaf"/> in [<paramref name="start"/>, <paramref name="end"/>).</summary>
        public void Collect(AtomicReaderContext leaf, int start, int end)
        {
            if (_limited?.IsFull == true || _terminated.Contains(leaf.Ord) || Open(leaf) is not { } scorer)
            {
                return;
            }

            try
            {
                if (_current != leaf.Ord)
                {
                    _current = leaf.Ord;
                    collector.SetNextReader(leaf);
                    collector.SetScorer(scorer);
                }

                // A range already passed by this scorer (it stopped at a match beyond the last range) starts there.
                var doc = scorer.DocID;
                if (doc < start)
                {
                    doc = scorer.Advance(start);
                }

                if (_limited is null)
                {
                    while (doc < end)
                    {
                        collector.Collect(doc);
                        doc = scorer.NextDoc();
                    }
                }
                else
                {
                    while (doc < end && !_limited.IsFull)
                    {
                        collector.Collect(doc);
                        doc = scorer.NextDoc();
                    }
                }
            }
            catch (CollectionTerminatedException)
            {
                _terminated.Add(leaf.Ord); // The collector has seen enough of this segment.
            }
        }
    }
}
