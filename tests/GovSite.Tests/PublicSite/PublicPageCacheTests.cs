using GovSite.PublicSite;
using Microsoft.Extensions.Primitives;

namespace GovSite.Tests.PublicSite;

/// <summary>The public-page store on its own: tags, generations and the choice of encoding.</summary>
public class PublicPageCacheTests
{
    private static readonly KeyValuePair<string, StringValues>[] Html = [new("Content-Type", "text/html; charset=utf-8")];

    [Fact]
    public void A_page_stored_again_under_the_same_key_is_still_evicted_by_its_tags()
    {
        var cache = new PublicPageCache(TimeProvider.System);
        cache.Store("http://a/articles/1", [1, 2, 3], Html, ["site:1", "site:1:article:1"], cache.Generation).ShouldNotBeNull();
        // Two visitors missed at once and both rendered: the second copy replaces the first.
        cache.Store("http://a/articles/1", [1, 2, 3], Html, ["site:1", "site:1:article:1"], cache.Generation).ShouldNotBeNull();
        cache.Evict("site:1:article:1");
        cache.TryGet("http://a/articles/1", out _).ShouldBeFalse();
    }

    [Fact]
    public void Eviction_removes_only_the_pages_carrying_the_tag()
    {
        var cache = new PublicPageCache(TimeProvider.System);
        cache.Store("http://a/", [1], Html, ["site:1", "site:1:home"], cache.Generation);
        cache.Store("http://a/articles/9", [2], Html, ["site:1", "site:1:article:9"], cache.Generation);
        cache.Store("http://b/", [3], Html, ["site:2", "site:2:home"], cache.Generation);
        cache.Evict("site:1:home");
        cache.TryGet("http://a/", out _).ShouldBeFalse();
        cache.TryGet("http://a/articles/9", out _).ShouldBeTrue();
        cache.Evict("site:1");
        cache.TryGet("http://a/articles/9", out _).ShouldBeFalse();
        cache.TryGet("http://b/", out var other).ShouldBeTrue();
        other.Body.ShouldBe(new byte[] { 3 });
    }

    [Fact]
    public void A_page_rendered_while_an_eviction_ran_is_not_stored()
    {
        var cache = new PublicPageCache(TimeProvider.System);
        var before = cache.Generation;
        cache.Evict("site:1:article:1");
        cache.Store("http://a/articles/1", [1], Html, ["site:1"], before).ShouldBeNull();
        cache.TryGet("http://a/articles/1", out _).ShouldBeFalse();
    }

    [Fact]
    public void The_same_bytes_get_the_same_etag_and_different_bytes_another()
    {
        var cache = new PublicPageCache(TimeProvider.System);
        var first = cache.Store("http://a/", [1, 2], Html, [], cache.Generation)!;
        var again = cache.Store("http://a/", [1, 2], Html, [], cache.Generation)!;
        var changed = cache.Store("http://a/", [1, 3], Html, [], cache.Generation)!;
        again.ETag.ShouldBe(first.ETag);
        changed.ETag.ShouldNotBe(first.ETag);
    }

    [Theory]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip;q=0.5", "gzip")]
    [InlineData("identity", null)]
    [InlineData("", null)]
    public void The_encoding_is_brotli_first_and_never_one_refused_with_q_zero(string header, string? expected) =>
        PublicPageCacheMiddleware.PreferredEncoding(header.Length == 0 ? StringValues.Empty : new StringValues(header)).ShouldBe(expected);
}
