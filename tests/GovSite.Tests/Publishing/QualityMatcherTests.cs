using System.Diagnostics;
using GovSite.Common;
using GovSite.Publishing;
using GovSite.Publishing.Quality;
using GovSite.Rules;

namespace GovSite.Tests.Publishing;

/// <summary>The pure parts of the gate: term matching, element offsets, signatures.</summary>
public class QualityMatcherTests
{
    [Fact]
    public void Every_occurrence_is_found_at_its_place_with_overlaps()
    {
        var matcher = new TermMatcher(["法轮", "法轮功", "轮功", "赌博"]);
        var all = matcher.FindAll("网上赌博和法轮功");
        all.Select(m => (m.Start, m.Length, matcher.Terms[m.Term])).ShouldBe(
            [(2, 2, "赌博"), (5, 2, "法轮"), (5, 3, "法轮功"), (6, 2, "轮功")], ignoreOrder: true);
        matcher.FindLongest("网上赌博和法轮功").Select(m => matcher.Terms[m.Term]).ShouldBe(["赌博", "法轮功"]);
    }

    [Fact]
    public void Width_case_and_traditional_forms_fold_to_one_term()
    {
        var matcher = new TermMatcher(["ABC代开发票", "办证"]);
        var text = "ａｂｃ代開發票，另辦證";
        var found = matcher.FindLongest(text);
        found.Select(m => text.Substring(m.Start, m.Length)).ShouldBe(["ａｂｃ代開發票", "辦證"]);
    }

    [Fact]
    public void Text_without_terms_and_an_empty_matcher_find_nothing()
    {
        new TermMatcher(["赌博"]).FindAll("依法做好政务公开工作").ShouldBeEmpty();
        TermMatcher.Empty.FindAll("任何文字").ShouldBeEmpty();
    }

    [Fact]
    public void A_hundred_thousand_terms_build_once_and_match_exactly()
    {
        var terms = GeneratedTerms(100_000, seed: 7);
        var watch = Stopwatch.StartNew();
        var matcher = new TermMatcher(terms);
        watch.Stop();
        var text = string.Concat(Enumerable.Repeat("依法推进政务公开，", 200)) + terms[12_345] + "。" + terms[99_999];
        var found = matcher.FindLongest(text).Select(m => matcher.Terms[m.Term]).ToList();
        found.ShouldContain(terms[12_345]);
        found.ShouldContain(terms[99_999]);
        var at = text.IndexOf(terms[12_345], StringComparison.Ordinal);
        matcher.FindLongest(text).ShouldContain(m => m.Start == at && m.Length == terms[12_345].Length);
    }

    /// <summary>Distinct strings of rare ideographs (CJK Extension A), so they never occur in ordinary text by chance.</summary>
    public static List<string> GeneratedTerms(int count, int seed)
    {
        var random = new Random(seed);
        var set = new HashSet<string>();
        while (set.Count < count)
        {
            var chars = new char[random.Next(2, 7)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)random.Next(0x3400, 0x4DB0);
            }
            set.Add(new string(chars));
        }
        return [.. set];
    }

    [Fact]
    public void Images_and_links_get_their_offset_in_the_plain_text()
    {
        var html = HtmlSanitiser.Sanitise("<p>  第一段文字</p><p>看图<img src=\"/a.png\">后面<a href=\"https://example.org/x\">链接</a></p><p><img src=\"/b.png\" alt=\"说明\"></p>");
        var plain = HtmlSanitiser.ToPlainText(html);
        plain.ShouldBe("第一段文字 看图后面链接");
        var elements = BodyElements.Locate(html);
        elements.Count.ShouldBe(3);
        elements[0].ShouldBe(new BodyElement(BodyElementKind.Image, "/a.png", null, plain.IndexOf("后面", StringComparison.Ordinal)));
        elements[1].Kind.ShouldBe(BodyElementKind.Link);
        elements[1].Offset.ShouldBe(plain.IndexOf("链接", StringComparison.Ordinal));
        elements[2].Offset.ShouldBe(plain.Length);
        elements[2].Alt.ShouldBe("说明");
    }

    [Fact]
    public void Signatures_of_twins_agree_and_of_strangers_do_not()
    {
        var seeds = QualityGateTests.Seeds();
        var original = seeds[0];
        var twin = QualityGateTests.Twin(original);
        var a = NearDuplicates.Sketch(original)!;
        var b = NearDuplicates.Sketch(twin)!;
        a.Similarity(b.SignatureBytes()).ShouldBeGreaterThanOrEqualTo(80);
        a.BandHashes.Intersect(b.BandHashes).ShouldNotBeEmpty();
        var stranger = NearDuplicates.Sketch(seeds[3])!;
        a.Similarity(stranger.SignatureBytes()).ShouldBeLessThan(30);
        NearDuplicates.Sketch("太短的正文").ShouldBeNull();
    }
}
