using Annuaire.Search.Highlighting;
using Annuaire.Search.Querying;
using Annuaire.Tests.Shared;

namespace Annuaire.Search.Tests.Querying;

/// <summary>Any text, territory or filter value gets an answer: never an exception, never a hang.</summary>
public sealed class QueryFuzzTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly string[] Pieces =
    [
        "\"", "'", "’", "-", "+", "(", ")", "[", "]", "{", "}", "*", "?", "~", "^", ":", "\\", "/", "!", "&&", "||", "AND", "OR", "NOT", " ",
        "hébergement", "permis", "rsa", "pole", "emploi", "orléans", "saint", "jean", "de", "braye", "l'", "d’", "45", "45208", "2A", "france",
        "mobilite", "mobilite--preparer-un-permis", "<script>", "🙂", "\u0000", "\u202e", "中文", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ];

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task Search_WhenArbitraryRequest_AlwaysAnswers(int seed)
    {
        var random = new Random(seed);
        string Text(int max) => string.Concat(Enumerable.Range(0, random.Next(0, max)).Select(_ => Pieces[random.Next(Pieces.Length)]));
        for (var i = 0; i < 400; i++)
        {
            var request = new SearchRequest
            {
                Text = Text(30),
                Territoire = random.Next(3) == 0 ? Text(3) : null,
                Sort = (SearchSort)random.Next(3),
                Page = random.Next(-5, 50),
                PageSize = random.Next(-5, 500),
            }.With(FacetDimension.Thematique, random.Next(3) == 0 ? [Text(2)] : []).With(FacetDimension.Public, random.Next(4) == 0 ? [Text(2)] : []);
            // Fails the test with a TimeoutException if a search hangs.
            var response = await HangGuard.RunAsync(() => fixture.Engine.Search(request));
            Assert.InRange(response.PageSize, 1, SearchRequest.MaxPageSize);
            foreach (var hit in response.Hits)
            {
                // Marks lie inside their text, in order, never overlapping, never empty.
                foreach (var marked in new[] { hit.Titre, hit.Resume, hit.Snippet?.Passage ?? MarkedText.Unmarked(string.Empty) })
                {
                    var end = 0;
                    foreach (var mark in marked.Marks)
                    {
                        Assert.InRange(mark.Start, end, marked.Text.Length - 1);
                        Assert.InRange(mark.End, mark.Start + 1, marked.Text.Length);
                        end = mark.End;
                    }
                }
            }

            Assert.True(response.Page >= 1);
            Assert.NotNull(fixture.Engine.Suggest(request.Text));
        }
    }
}
