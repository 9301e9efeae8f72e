namespace Annuaire.Bench.Relevance;

/// <summary>The grades a judgment can give.</summary>
internal static class RelevanceGrades
{
    /// <summary>Exactly what the adviser needs (and available where the query asks).</summary>
    public const int Exact = 2;

    /// <summary>Useful, not the answer.</summary>
    public const int Useful = 1;

    /// <summary>The grade of <paramref name="offerId"/> (0 when not judged).</summary>
    public static int Of(IReadOnlyDictionary<string, int> grades, string offerId) =>
        grades.TryGetValue(offerId, out var grade) ? grade : 0;
}
