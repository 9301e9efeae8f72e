using Annuaire.Search.Querying;

namespace Annuaire.Search.Tests.Querying;

public sealed class IdleCoreTests
{
    [Fact]
    public void Both_RunsEachPieceOnce()
    {
        var first = 0;
        var second = 0;

        for (var i = 0; i < 200; i++)
        {
            IdleCore.Both(() => Interlocked.Increment(ref first), () => Interlocked.Increment(ref second));
        }

        Assert.Equal((200, 200), (first, second));
    }

    [Fact]
    public void Both_WhenNoThreadTakesTheSecondPiece_RunsItOnTheCallerWithoutWaiting()
    {
        Action? queued = null;
        var ranOn = -1;

        IdleCore.All(() => { }, [() => ranOn = Environment.CurrentManagedThreadId], work => queued = work);
        queued!(); // The pool starts it late: the piece is not run twice.

        Assert.Equal(Environment.CurrentManagedThreadId, ranOn);
    }

    [Fact]
    public void Both_WhenAThreadTookTheSecondPiece_WaitsForIt()
    {
        var second = 0;

        IdleCore.All(() => { }, [() => Interlocked.Increment(ref second)], work => work());

        Assert.Equal(1, second);
    }

    [Fact]
    public void Both_WhenSecondPieceFails_RethrowsOnTheCaller()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => IdleCore.Both(() => { }, () => throw new InvalidOperationException("seconde")));

        Assert.Equal("seconde", failure.Message);
    }
}
