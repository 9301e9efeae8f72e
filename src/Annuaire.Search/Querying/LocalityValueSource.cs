using System.Collections;
using System.Globalization;
using Annuaire.Content.Model;
using Annuaire.Content.Referentials;
using Annuaire.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Queries.Function;
using Lucene.Net.Util;

namespace Annuaire.Search.Querying;

/// <summary>
/// « Local first » as a score factor: 1 + the weight of the closest match between an offer's
/// places (<see cref="OfferFields.Locality"/>: <c>c:</c> commune, <c>e:</c> EPCI, <c>d:</c>
/// département, from its lieux and zones) and the searched territory. Multiplying the text
/// score by at most 1.3 reorders offers of similar relevance and never hides a much better match.
/// Ordinals are mapped once per segment; each document costs a walk over its few locality values.
/// </summary>
internal sealed class LocalityValueSource(IReadOnlyDictionary<string, float> weights) : ValueSource
{
    /// <summary>The score factor bonus of a proximity: same commune ×1.3, same EPCI ×1.2, same département ×1.1.</summary>
    public static float Weight(Proximity proximity) => proximity switch
    {
        Proximity.Commune => 0.3f,
        Proximity.Epci => 0.2f,
        Proximity.Departement => 0.1f,
        _ => 0f,
    };

    /// <summary>Communes, EPCIs and départements of the offer's lieux and zones .</summary>
    public static HashSet<string> ValuesOf(Offer offer, Territories territories)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in offer.Lieux.Select(l => l.CodeInsee).OfType<string>().Concat(offer.ZoneEligibilite))
        {
            switch (territories.Classify(code))
            {
                case TerritoryKind.Commune:
                    values.Add(Commune(code));
                    if (territories.EpciOf(code) is { } epci)
                    {
                        values.Add(Epci(epci));
                    }

                    values.Add(Departement(territories.DepartementOf(code)!));
                    break;
                case TerritoryKind.Epci:
                    values.Add(Epci(code));
                    if (territories.DepartementOf(code) is { } main)
                    {
                        values.Add(Departement(main));
                    }

                    break;
                case TerritoryKind.Departement:
                    values.Add(Departement(code));
                    break;
                default:
                    break;
            }
        }

        return values;
    }

    public static string Commune(string code) => "c:" + code;

    public static string Epci(string code) => "e:" + code;

    public static string Departement(string code) => "d:" + code;

    public override FunctionValues GetValues(IDictionary context, AtomicReaderContext readerContext)
    {
        var values = readerContext.AtomicReader.GetSortedSetDocValues(OfferFields.Locality);
        var weighted = new List<(long Ordinal, float Weight)>(weights.Count);
        if (values is not null)
        {
            foreach (var (key, weight) in weights)
            {
                var ordinal = values.LookupTerm(new BytesRef(key));
                if (ordinal >= 0)
                {
                    weighted.Add((ordinal, weight));
                }
            }
        }

        // A few weighted places, looked up by ordinal: no array as long as every place of the country.
        return new Values(this, values, [.. weighted]);
    }

    public override bool Equals(object? o) => o is LocalityValueSource other && other.Key == Key;

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    public override string GetDescription() => "locality(" + Key + ")";

    private string Key => string.Join(',', weights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Key + "=" + w.Value.ToString(CultureInfo.InvariantCulture)));

    private sealed class Values(LocalityValueSource source, SortedSetDocValues? values, (long Ordinal, float Weight)[] weighted) : FunctionValues
    {
        public override float SingleVal(int doc)
        {
            if (values is null || weighted.Length == 0)
            {
                return 1f;
            }

            var best = 0f;
            values.SetDocument(doc);
            for (var ordinal = values.NextOrd(); ordinal != SortedSetDocValues.NO_MORE_ORDS; ordinal = values.NextOrd())
            {
                foreach (var (place, weight) in weighted)
                {
                    if (place == ordinal)
                    {
                        best = Math.Max(best, weight);
                    }
                }
            }

            return 1f + best;
        }

        public override string ToString(int doc) => source.GetDescription() + "=" + SingleVal(doc).ToString(CultureInfo.InvariantCulture);
    }
}
