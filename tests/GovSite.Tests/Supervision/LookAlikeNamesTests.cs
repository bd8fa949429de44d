using GovSite.Sites;
using GovSite.Supervision;

namespace GovSite.Tests.Supervision;

public class LookAlikeNamesTests
{
    private static readonly SiteInfo Portal = new(1, "9900000001", "江川省人民政府", SiteType.Portal, SiteLevel.Province, SiteStatus.Online, null,
        "www.jiangchuan.gov.cn", ["www.jiangchuan.gov.cn", "江川省人民政府.政务"], null, null, null, null, null, null, null);

    [Fact]
    public void A_forger_s_names_are_generated_by_every_kind()
    {
        var names = LookAlikeNames.For(Portal, new HashSet<string>()).ToDictionary(n => n.Host, n => n.Kind);
        names["jaingchuan.gov.cn"].ShouldBe("swap");
        names["jangchuan.gov.cn"].ShouldBe("omission");
        names["j1angchuan.gov.cn"].ShouldBe("homoglyph");
        names["jiangchuan.com"].ShouldBe("suffix");
        names["www.jiangchuan.com.cn"].ShouldBe("suffix");
        names["jiangchuan-gov.cn"].ShouldBe("suffix");
        names["江川省人民政府.中国"].ShouldBe("suffix");
        names["jiangchuansheng.com"].ShouldBe("pinyin");
        names["jcszf.cn"].ShouldBe("pinyin");
        names["jiangchuanzhengfu.com.cn"].ShouldBe("pinyin");
    }

    [Fact]
    public void Registered_domains_are_never_look_alikes()
    {
        var registered = new HashSet<string> { "jiangchuan.com", "www.jiangchuan.gov.cn" };
        var names = LookAlikeNames.For(Portal, registered).Select(n => n.Host).ToList();
        names.ShouldNotContain("jiangchuan.com");
        names.ShouldNotContain("www.jiangchuan.gov.cn");
        names.ShouldNotContain("jiangchuan.gov.cn".Insert(0, "www."));
        names.Distinct().Count().ShouldBe(names.Count);
        names.ShouldAllBe(n => n.Length <= 253);
    }

    [Theory]
    [InlineData("http://www.jiangchuan-gov.cn/index.html", "www.jiangchuan-gov.cn")]
    [InlineData("WWW.Fake.Gov.Cn.COM", "www.fake.gov.cn.com")]
    [InlineData("https://xn--fiqs8s.com/a", "中国.com")]
    [InlineData("  jiangchuan.com  ", "jiangchuan.com")]
    public void A_reported_address_becomes_its_host(string text, string host) => Counterfeits.HostOf(text).ShouldBe(host);

    [Theory]
    [InlineData("")]
    [InlineData("not a host")]
    [InlineData("http://")]
    [InlineData("localhost")]
    public void Text_without_a_host_is_refused(string text) => Counterfeits.HostOf(text).ShouldBeNull();
}
