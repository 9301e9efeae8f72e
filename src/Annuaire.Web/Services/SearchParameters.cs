using Annuaire.Search.Querying;
using Microsoft.Extensions.Primitives;

namespace Annuaire.Web.Services;

/// <summary>
/// The URL holds the whole search state. This maps query-string keys to a <see cref="SearchRequest"/>
/// and back, for the page and the API alike. Unknown keys are ignored.
/// </summary>
public static class SearchParameters
{
    /// <summary>The query-string keys that matter (output-cache variation uses exactly these).</summary>
    public static readonly string[] Keys = ["q", .. FacetDimensions.Filters.Select(f => f.Key), "tri", "page", "taille", OpenNowKey];

    /// <summary>Query key of the « ouvert maintenant » filter (computed by the site at request time, not by the engine).</summary>
    public const string OpenNowKey = "ouvert";

    /// <summary>Its only value.</summary>
    public const string OpenNowValue = "maintenant";

    /// <summary>Whether the query asks for offers open now.</summary>
    public static bool ReadOpenNow(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query[OpenNowKey] == OpenNowValue;
    }

    /// <summary><see cref="Write(SearchRequest)"/> plus the « ouvert maintenant » filter when on.</summary>
    public static string Write(SearchRequest request, bool openNow)
    {
        var query = Write(request);
        return !openNow ? query : query + (query.Length == 0 ? "?" : "&") + OpenNowKey + "=" + OpenNowValue;
    }

    /// <summary>Reads a request from a query string.</summary>
    public static SearchRequest Read(IQueryCollection query, int defaultPageSize = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        static IReadOnlyList<string> Many(StringValues values) =>
            [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).Take(20)];
        return new SearchRequest
        {
            Text = query["q"].ToString(),
            Filters = FacetDimensions.Filters.Where(f => !f.IsTerritory && query.ContainsKey(f.Key)).ToDictionary(f => f.Dimension, f => Many(query[f.Key])),
            Territoire = query[FacetDimension.Departement.Definition().Key].ToString() is { Length: > 0 } t ? t : null,
            Sort = query["tri"].ToString() switch
            {
                "date" => SearchSort.DateMaj,
                "titre" => SearchSort.Titre,
                _ => SearchSort.Pertinence,
            },
            Page = int.TryParse(query["page"], out var page) ? page : 1,
            PageSize = int.TryParse(query["taille"], out var size) ? size : defaultPageSize,
        };
    }

    /// <summary>The query string of a request (only non-default values), for links that keep the state.</summary>
    public static string Write(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                pairs.Add(new(key, value));
            }
        }

        Add("q", Truncate(request.Text));
        foreach (var filter in FacetDimensions.Filters)
        {
            foreach (var value in request.ValuesOf(filter.Dimension))
            {
                Add(filter.Key, value);
            }
        }

        Add("tri", request.Sort switch { SearchSort.DateMaj => "date", SearchSort.Titre => "titre", _ => null });
        Add("page", request.Page > 1 ? request.Page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs).ToString();
    }

    /// <summary>
    /// The text as far as the engine reads it (<see cref="SearchRequest.MaxTextLength"/>): a longer
    /// one is never copied into the page's links (a 4,000-character <c>q</c> made a 305 KB page).
    /// </summary>
    public static string? Truncate(string? text)
    {
        if (text is null || text.Length <= SearchRequest.MaxTextLength)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[SearchRequest.MaxTextLength - 1]) ? SearchRequest.MaxTextLength - 1 : SearchRequest.MaxTextLength;
        return text[..end];
    }
}
