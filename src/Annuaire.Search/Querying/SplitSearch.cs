using System.Runtime.ExceptionServices;
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

        var shared = new Shared(ranges.Count);
        var helpers = new Helper<TCollector>[workers - 1];
        for (var h = 0; h < helpers.Length; h++)
        {
            helpers[h] = new Helper<TCollector>(weight, create, ranges, shared);
            helpers[h].Start();
        }

        var collectors = new List<TCollector> { first.Collector };
        try
        {
            first.Take(ranges, shared);
        }
        finally
        {
            // Even when this thread failed, the helpers are waited for: none outlives the pass.
            foreach (var helper in helpers)
            {
                if (helper.Finish() is { } collector)
                {
                    collectors.Add(collector);
                }

                helper.Dispose();
            }
        }

        return [.. collectors];
    }

    /// <summary>The next range to take, shared by the workers of one pass.</summary>
    private sealed class Shared(int count)
    {
        private int _next = -1;

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

    /// <summary>A worker on the thread pool, which gives up if the pass ended before it started.</summary>
    private sealed class Helper<TCollector>(Weight weight, Func<TCollector> create, List<(AtomicReaderContext Leaf, int Start, int End)> ranges, Shared shared) : IDisposable
        where TCollector : ICollector
    {
        private const int NotStarted = 0;
        private const int Started = 1;
        private const int GivenUp = 2;

        /// <summary>Set when the worker is done; waited for with little spinning (the other core is busy working).</summary>
        private readonly ManualResetEventSlim _done = new(initialState: false, spinCount: 20);
        private int _state;
        private TCollector? _collector;
        private ExceptionDispatchInfo? _failure;

        public void Start() => ThreadPool.UnsafeQueueUserWorkItem(static helper => helper.Work(), this, preferLocal: false);

        /// <summary>Waits for the worker if it started (its collector), or stops it from starting (null).</summary>
        public TCollector? Finish()
        {
            if (Interlocked.CompareExchange(ref _state, GivenUp, NotStarted) == NotStarted)
            {
                return default; // Every range was taken before the thread pool ran it.
            }

            _done.Wait();
            _failure?.Throw();
            return _collector;
        }

        /// <summary>Only once <see cref="Finish"/> returned: the worker no longer touches the event.</summary>
        public void Dispose() => _done.Dispose();

        private void Work()
        {
            if (Interlocked.CompareExchange(ref _state, Started, NotStarted) != NotStarted)
            {
                return;
            }

            try
            {
                var worker = new Worker<TCollector>(weight, create());
                _collector = worker.Collector;
                worker.Take(ranges, shared);
            }
#pragma warning disable CA1031 // Any failure is handed to the searching thread, which rethrows it.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                _done.Set();
            }
        }
    }
}
