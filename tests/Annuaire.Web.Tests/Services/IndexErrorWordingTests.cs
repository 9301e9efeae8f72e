using Annuaire.Search.Indexing;
using Annuaire.Web.Services;

namespace Annuaire.Web.Tests.Services;

/// <summary>
/// The French sentences of index failures: every failure the engine can report is worded, each
/// case differently, naming its folder, version and file for the command line and never a path
/// for the public health page.
/// </summary>
public sealed class IndexErrorWordingTests
{
    private const string Root = "/srv/annuaire/index";

    public static TheoryData<IndexUnusableException, string> Unusable => new()
    {
        { new(IndexProblem.Missing, Root), $"Aucun index dans « {Root} »." },
        { new(IndexProblem.OtherVersion, Root), $"L'index de « {Root} » a été écrit par une autre version de l'annuaire : reconstruisez-le." },
        { new(IndexProblem.Corrupt, Root, innerException: new IOException("Bad checksum")), $"L'index de « {Root} » est illisible ou corrompu : reconstruisez-le (Bad checksum)." },
        { new(IndexProblem.Missing, Root, file: IndexVersionStore.ManifestFileName), $"Aucune version publiée dans « {Root} » (pas de {IndexVersionStore.ManifestFileName})." },
        { new(IndexProblem.Corrupt, Root, file: IndexVersionStore.ManifestFileName), $"Le manifeste de « {Root} » est illisible ou ne désigne aucune version valide." },
        { new(IndexProblem.Missing, Root, "v1"), $"La version « v1 » est introuvable dans « {Root} »." },
        { new(IndexProblem.OtherVersion, Root, "v1"), "La version « v1 » a été construite par une autre version du moteur de recherche." },
        { new(IndexProblem.Incomplete, Root, "v1"), "La version « v1 » est incomplète (copie en cours ou interrompue)." },
        { new(IndexProblem.Incomplete, Root, "v1", "index/_0.tim"), "La version « v1 » est incomplète : « index/_0.tim » manque ou est tronqué (copie en cours ou interrompue)." },
        { new(IndexProblem.Corrupt, Root, "v1"), $"La version « v1 » est illisible dans « {Root} »." },
        { new(IndexProblem.Corrupt, Root, "v1", "index/_0.tim"), "La version « v1 » est corrompue : « index/_0.tim » est illisible ou ne correspond pas à sa somme de contrôle." },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void Of_UnusableIndex_SaysWhatWhereAndWhich(IndexUnusableException failure, string expected) =>
        Assert.Equal(expected, IndexErrorWording.Of(failure));

    [Theory]
    [InlineData(IndexWriteFailure.SaveFailed, "Écriture de l'index impossible dans « /srv/annuaire/index » (No space left on device) : l'index précédent est conservé.")]
    [InlineData(IndexWriteFailure.ReplaceFailed, "Remplacement de l'index impossible dans « /srv/annuaire/index » (No space left on device) : l'index précédent est conservé.")]
    [InlineData(IndexWriteFailure.VersionExists, "La version « v1 » existe déjà dans « /srv/annuaire/index » : relancez la publication dans une seconde.")]
    [InlineData(IndexWriteFailure.PublishFailed, "Publication de l'index impossible dans « /srv/annuaire/index » (No space left on device) : le manifeste désigne toujours la version précédente.")]
    [InlineData(IndexWriteFailure.ManifestWriteFailed, "Écriture du manifeste impossible dans « /srv/annuaire/index » (No space left on device) : il désigne toujours la version précédente.")]
    public void Of_WriteFailure_SaysWhatIsKept(IndexWriteFailure failure, string expected) =>
        Assert.Equal(expected, IndexErrorWording.Of(new IndexWriteException(failure, Root, "v1", new IOException("No space left on device"))));

    [Fact]
    public void Of_OtherException_IsLeftToItsOwnMessage() =>
        Assert.Null(IndexErrorWording.Of(new IOException("Permission denied")));

    [Theory]
    [InlineData(null, IndexProblem.Missing)]
    [InlineData(null, IndexProblem.Corrupt)]
    [InlineData("v1", IndexProblem.Missing)]
    [InlineData("v1", IndexProblem.Incomplete)]
    [InlineData("v1", IndexProblem.OtherVersion)]
    [InlineData("v1", IndexProblem.Corrupt)]
    public void Problem_ForPublicHealth_NamesTheVersionButNoPath(string? version, IndexProblem problem)
    {
        var sentence = IndexErrorWording.Problem(version, problem);

        Assert.DoesNotContain("/", sentence, StringComparison.Ordinal);
        Assert.Equal(version is not null, sentence.Contains("v1", StringComparison.Ordinal));
    }

    [Fact]
    public void Problem_EachCaseHasItsOwnSentence()
    {
        var sentences = new[] { (null, IndexProblem.Missing), (null, IndexProblem.Corrupt), ("v1", IndexProblem.Missing), ("v1", IndexProblem.Incomplete), ("v1", IndexProblem.OtherVersion), ((string?)"v1", IndexProblem.Corrupt) }
            .Select(c => IndexErrorWording.Problem(c.Item1, c.Item2));
        Assert.Equal(6, sentences.Distinct(StringComparer.Ordinal).Count());
    }
}
