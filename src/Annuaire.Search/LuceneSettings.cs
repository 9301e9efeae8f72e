using Lucene.Net.Util;

namespace Annuaire.Search;

/// <summary>The one Lucene compatibility version used everywhere.</summary>
internal static class LuceneSettings
{
    /// <summary>Lucene 4.8 behaviour for tokenizers, filters and index format.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
}
