using Annuaire.Search.Indexing;
using Microsoft.Extensions.Time.Testing;

namespace Annuaire.Search.Tests.Indexing;

public sealed class MemoryReturnTests
{
    private const long MB = 1024 * 1024;

    private readonly FakeTimeProvider _time = new();
    private long _committed = 1000 * MB;
    private int _collections;

    private MemoryReturn Create() => new(_time, TimeSpan.FromSeconds(30), () => _committed, () =>
    {
        _collections++;
        _committed = 900 * MB;
    });

    [Fact]
    public void Updated_ThenQuietAndMemoryGrew_CollectsOnce()
    {
        using var memory = Create();
        _committed = 1600 * MB;

        memory.Updated();
        _time.Advance(TimeSpan.FromSeconds(31));
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, _collections);
        Assert.Equal(1, memory.Returns);
    }

    [Fact]
    public void Updated_WhileUpdatesKeepComing_WaitsForQuiet()
    {
        using var memory = Create();
        _committed = 1600 * MB;

        for (var i = 0; i < 10; i++)
        {
            memory.Updated();
            _time.Advance(TimeSpan.FromSeconds(20));
        }

        Assert.Equal(0, _collections);
        _time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(1, _collections);
    }

    [Theory]
    [InlineData(1100)] // Grew by 100 MB: below the minimum worth a pause.
    [InlineData(1200)] // Grew by a fifth: below a quarter.
    public void Updated_MemoryGrewLittle_NoCollection(long committedMb)
    {
        using var memory = Create();
        _committed = committedMb * MB;

        memory.Updated();
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, _collections);
    }

    [Fact]
    public void ReturnNow_CollectsAtOnce_AndIsTheNewBaseline()
    {
        using var memory = Create();
        _committed = 1600 * MB;

        memory.ReturnNow();
        Assert.Equal(1, _collections);
        Assert.Equal(0, memory.Returns); // Returns counts the quiet-time returns after updates only.

        // 900 MB after the collection: a later growth is measured from there.
        _committed = 1000 * MB;
        memory.Updated();
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, _collections);

        _committed = 1200 * MB;
        memory.Updated();
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, _collections);
    }

    [Fact]
    public void NoUpdate_NoCollection()
    {
        using var memory = Create();
        _committed = 3000 * MB;

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, _collections);
    }
}
