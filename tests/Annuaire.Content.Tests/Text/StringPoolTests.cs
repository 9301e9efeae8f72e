using Annuaire.Content.Text;

namespace Annuaire.Content.Tests.Text;

public sealed class StringPoolTests
{
    [Fact]
    public void Share_EqualValues_FirstInstance()
    {
        var pool = new StringPool();
        var first = new string("aide-financiere".AsSpan());
        var second = new string("aide-financiere".AsSpan());

        Assert.Same(first, pool.Share(first));
        Assert.Same(first, pool.Share(second));
    }

    [Fact]
    public void Share_LongerThanMaximum_ReturnedAsGiven()
    {
        var pool = new StringPool(maxLength: 5);
        var first = new string('x', 6);

        pool.Share(first);

        Assert.Same(first, pool.Share(first));
        var second = new string('x', 6);
        Assert.Same(second, pool.Share(second));
    }

    [Fact]
    public void Share_PastCapacity_NewValuesReturnedAsGiven_PooledOnesStillShared()
    {
        var pool = new StringPool(capacity: 2);
        var a = pool.Share(new string("a".AsSpan()));
        pool.Share(new string("b".AsSpan()));

        var c = new string("c".AsSpan());
        var c2 = new string("c".AsSpan());
        Assert.Same(c, pool.Share(c));
        Assert.Same(c2, pool.Share(c2));
        Assert.Same(a, pool.Share(new string("a".AsSpan())));
    }

    [Fact]
    public void Share_FromManyThreads_OneInstancePerValue()
    {
        var pool = new StringPool();
        var shared = new string[8][];
        Parallel.For(0, shared.Length, t => shared[t] = [.. Enumerable.Range(0, 1000).Select(i => pool.Share(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);

        for (var i = 0; i < 1000; i++)
        {
            Assert.All(shared, s => Assert.Same(shared[0][i], s[i]));
        }
    }
}
