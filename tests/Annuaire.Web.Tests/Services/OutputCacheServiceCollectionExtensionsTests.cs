using System.ComponentModel.DataAnnotations;
using Annuaire.Web.Services;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Annuaire.Web.Tests.Services;

/// <summary>The in-memory output cache is bounded by <see cref="AnnuaireOptions.OutputCacheMegabytes"/>: part of an instance's memory.</summary>
public sealed class OutputCacheServiceCollectionExtensionsTests
{
    private const long MB = 1024 * 1024;

    private static long SizeLimit(AnnuaireOptions site)
    {
        var services = new ServiceCollection();
        services.AddAnnuaireOutputCache(site);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit;
    }

    [Fact]
    public void SizeLimit_IsTheConfiguredMegabytes()
    {
        Assert.Equal(24 * MB, SizeLimit(new AnnuaireOptions { OutputCacheMegabytes = 24 }));
    }

    [Fact]
    public void SizeLimit_ByDefault_IsAspNetCoresDefault()
    {
        Assert.Equal(new OutputCacheOptions().SizeLimit, SizeLimit(new AnnuaireOptions()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(5000)]
    public void OutputCacheMegabytes_OutOfRange_IsRejectedAtStart(int megabytes)
    {
        var site = new AnnuaireOptions { OutputCacheMegabytes = megabytes };
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(site, new ValidationContext(site), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Equal([nameof(AnnuaireOptions.OutputCacheMegabytes)], results.SelectMany(r => r.MemberNames));
    }
}
