using Annuaire.Bench.Relevance;
using Annuaire.Search.Querying;

namespace Annuaire.Search.Tests.Relevance;

public sealed class JudgedQueryFileTests
{
    private static IReadOnlyList<JudgedQuery> Read(params string[] lines) =>
        JudgedQueryFile.Read(new StringReader(string.Join('\n', lines)), "queries.tsv");

    [Fact]
    public void Read_WhenLineHasFiltersAndJudgments_BuildsRequestAndGrades()
    {
        var query = Assert.Single(Read(
            "# comment",
            "",
            "lieux\tl01\tgarde enfant\tterritoire=93048; thematique=famille,sante\tcreche-a=2 agepi=1"));

        Assert.Equal(("lieux", "l01", "garde enfant", 3), (query.Set, query.Id, query.Text, query.Line));
        Assert.Equal("garde enfant", query.Request.Text);
        Assert.Equal("93048", query.Request.Territoire);
        Assert.Equal(["famille", "sante"], query.Request.ValuesOf(FacetDimension.Thematique));
        Assert.Equal(RelevanceMetrics.Cutoff, query.Request.PageSize);
        Assert.Equal(new Dictionary<string, int> { ["creche-a"] = 2, ["agepi"] = 1 }, query.Grades);
    }

    [Theory]
    [InlineData("mots\tm01\tcreche\t\tcreche-a=1", "aucune offre notée 2")]
    [InlineData("mots\tm01\tcreche\t\tcreche-a=3", "note « 3 »")]
    [InlineData("mots\tm01\tcreche\t\tcreche-a", "« clé=valeur » attendu")]
    [InlineData("mots\tm01\tcreche\t\tcreche-a=2 creche-a=1", "jugée deux fois")]
    [InlineData("mots\tm01\tcreche\tville=Tours\tcreche-a=2", "filtre « ville » inconnu")]
    [InlineData("mots\tm01\tcreche\tterritoire=37,86\tcreche-a=2", "un seul territoire")]
    [InlineData("mots\tm01\tcreche\tcreche-a=2", "5 colonnes")]
    public void Read_WhenLineIsMalformed_ThrowsWithFileLineAndReason(string line, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Read("# header", line));

        Assert.StartsWith("queries.tsv:2: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenIdRepeats_Throws()
    {
        var error = Assert.Throws<FormatException>(() => Read("mots\tm01\ta\t\tx=2", "fautes\tm01\tb\t\ty=2"));

        Assert.Contains("queries.tsv:2: l'identifiant « m01 »", error.Message, StringComparison.Ordinal);
    }
}
