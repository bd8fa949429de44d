using GovSite.Sites;

namespace GovSite.Tests.Sites;

public class SiteCodeTests
{
    [Theory]
    [InlineData("3301000012")]
    [InlineData("bm07000001")]
    public void Well_formed_codes_pass_without_warning(string code)
    {
        var check = SiteCode.Check(code);
        check.Acceptable.ShouldBeTrue();
        check.Warning.ShouldBeNull();
    }

    [Theory]
    [InlineData("33010000")]
    [InlineData("BM07000001")]
    [InlineData("3301-00012")]
    [InlineData("bm0700001x")]
    public void Odd_codes_are_accepted_with_a_reviewable_warning(string code)
    {
        var check = SiteCode.Check(code);
        check.Acceptable.ShouldBeTrue();
        check.Warning.ShouldNotBeNull();
        check.Warning.ShouldContain("人工复核");
    }

    [Fact]
    public void A_local_code_outside_its_region_is_flagged()
    {
        SiteCode.Check("3301000012", "440000").Warning.ShouldNotBeNull();
        SiteCode.Check("3301000012", "330100").Warning.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_missing_code_is_refused(string? code)
    {
        var check = SiteCode.Check(code);
        check.Acceptable.ShouldBeFalse();
        check.Warning.ShouldBe("请填写网站标识码");
    }
}

public class HostNameTests
{
    [Theory]
    [InlineData("WWW.Example.GOV.CN", "www.example.gov.cn")]
    [InlineData("www.example.gov.cn:8080", "www.example.gov.cn")]
    [InlineData("www.example.gov.cn.", "www.example.gov.cn")]
    public void Hosts_are_folded_to_one_form(string raw, string expected) => HostName.Normalise(raw).ShouldBe(expected);

    [Fact]
    public void Punycode_hosts_are_decoded_to_chinese()
    {
        var ascii = HostName.ToAscii("测试市人民政府.政务");
        ascii.ShouldStartWith("xn--");
        HostName.Normalise(ascii.ToUpperInvariant()).ShouldBe("测试市人民政府.政务");
    }

    [Fact]
    public void Domain_suffixes_are_recognised()
    {
        HostName.IsGovCn("www.x.gov.cn").ShouldBeTrue();
        HostName.IsGovCn("www.x.gov.com").ShouldBeFalse();
        HostName.IsZhengwu("某某.政务").ShouldBeTrue();
    }
}
