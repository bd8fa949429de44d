using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace GovSite.Tests.Search.RealDocuments;

/// <summary>
/// The judged set checks its own data before anyone trusts a precision figure computed from it: the
/// generator is deterministic and as large as promised, and what each article says it is about
/// agrees with its text wherever that can be checked mechanically (names, 文号, places and key
/// topics in titles). None of this runs GovSite's search.
/// </summary>
public class RealDocumentCorpusTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<CorpusArticle>> s_corpus = new(() => RealDocumentCorpus.Build(SeedDocuments.Directory));

    private static IReadOnlyList<CorpusArticle> Corpus => s_corpus.Value;

    private static readonly string[] WebsiteWork =
    [
        Tag.Websites, Tag.ContentBuilding, Tag.Intensive, Tag.Integration, Tag.Updates, Tag.Zombie, Tag.AnnualReport,
        Tag.Accountability, Tag.Guideline, Tag.ErrorReports, Tag.SpotCheck, Tag.Disclosure, Tag.DisclosureReport,
        Tag.Interaction, Tag.Mailbox, Tag.Interview, Tag.Consultation, Tag.Doc57, Tag.Doc73, Tag.Doc12, Tag.Doc47,
        Tag.DocJiangmen3, Tag.DocBeijing51,
    ];

    /// <summary>Just enough traditional → simplified for the names, numbers and places checked here.</summary>
    private static string Fold(string text)
    {
        const string from = "國辦發號門東開會韓偉網頁總範規劃約關於強內設見";
        const string to = "国办发号门东开会韩伟网页总范规划约关于强内设见";
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var at = from.IndexOf(chars[i], StringComparison.Ordinal);
            if (at >= 0)
            {
                chars[i] = to[at];
            }
        }
        return new string(chars);
    }

    private static string Checked(CorpusArticle a) => Fold(a.Title + "\n" + a.Body + "\n" + a.DocNumber);

    [Fact]
    public void The_corpus_is_the_five_seeds_and_two_thousand_generated_articles_with_distinct_keys_and_titles()
    {
        Corpus.Count(a => a.IsSeed).ShouldBe(5);
        Corpus.Count(a => !a.IsSeed).ShouldBe(RealDocumentCorpus.GeneratedCount);
        Corpus.Select(a => a.Key).ShouldBeUnique();
        Corpus.Select(a => a.Title).ShouldBeUnique();
        Corpus.ShouldAllBe(a => a.Title.Length > 0 && a.Body.Length > 0 && a.About.Count > 0);
        Corpus.Select(a => a.SiteCode).Distinct().Order().ShouldBe(RealDocumentCorpus.Sites.Select(s => s.Code).Order());
    }

    [Fact]
    public void The_generator_is_deterministic()
    {
        var again = RealDocumentCorpus.Build(SeedDocuments.Directory);
        again.Select(a => (a.Key, a.Title, a.Body, a.PublishedAt, a.DocNumber)).ShouldBe(Corpus.Select(a => (a.Key, a.Title, a.Body, a.PublishedAt, a.DocNumber)));
        again.Select(a => string.Join(",", a.About.Order(StringComparer.Ordinal))).ShouldBe(Corpus.Select(a => string.Join(",", a.About.Order(StringComparer.Ordinal))));
    }

    [Fact]
    public void The_seeds_keep_their_text_exactly()
    {
        foreach (var seed in Corpus.Where(a => a.IsSeed))
        {
            var sameFiles = Directory.GetFiles(SeedDocuments.Directory, "*.txt").Select(File.ReadAllText).Count(t => t == seed.Body);
            sameFiles.ShouldBe(1, seed.Key);
        }
        Corpus.Count(a => a.IsSeed && a.Traditional).ShouldBe(2);
    }

    [Fact]
    public void At_least_half_is_ordinary_business_and_some_is_in_traditional_script()
    {
        var generated = Corpus.Where(a => !a.IsSeed).ToList();
        var distractors = generated.Count(a => !a.About.Overlaps(WebsiteWork));
        output.WriteLine($"{distractors} of {generated.Count} generated articles are ordinary business; {generated.Count(a => a.Traditional)} in traditional script");
        output.WriteLine("by template: " + string.Join(", ", generated.GroupBy(a => a.Key[..a.Key.LastIndexOf('-')]).Select(g => $"{g.Key} {g.Count()}")));
        distractors.ShouldBeGreaterThanOrEqualTo(generated.Count / 2);
        generated.Count(a => a.Traditional).ShouldBeGreaterThanOrEqualTo(20);
        generated.Where(a => a.Traditional).ShouldContain(a => !a.About.Overlaps(WebsiteWork));
    }

    public static TheoryData<string, string> People => new()
    {
        { "韩永文", "韩永文" }, { "王仲伟", "王仲伟" }, { "吕艳滨", "吕艳滨" }, { "王敬波", "王敬波" }, { "翟云", "翟云" },
    };

    [Theory]
    [MemberData(nameof(People))]
    public void An_article_is_about_a_person_exactly_when_it_names_them(string person, string written)
    {
        var tagged = Corpus.Where(a => a.About.Contains(Tag.Person(person))).Select(a => a.Key).Order().ToList();
        var naming = Corpus.Where(a => Checked(a).Contains(written, StringComparison.Ordinal)).Select(a => a.Key).Order().ToList();
        naming.ShouldBe(tagged);
        tagged.Count.ShouldBeGreaterThanOrEqualTo(3);
    }

    public static TheoryData<string, string> Documents => new()
    {
        { Tag.Doc57, @"国办发\s*[〔\[（(]?\s*2014\s*[〕\]）)年]?\s*第?\s*57\s*号|国办\s*57\s*号|关于加强政府网站信息内容建设的意见" },
        { Tag.Doc12, @"国办函\s*[〔\[（(]?\s*2018\s*[〕\]）)年]?\s*第?\s*12\s*号" },
        { Tag.Doc47, @"国办发\s*[〔\[（(]?\s*2017\s*[〕\]）)年]?\s*第?\s*47\s*号" },
        { Tag.Doc73, @"粤府办\s*〔2014〕\s*73" },
        { Tag.DocJiangmen3, @"江府办\s*〔2015〕\s*3\s*号" },
        { Tag.DocJiangmenLetter3, @"江府办函\s*〔2015〕\s*3\s*号" },
        { Tag.DocBeijing51, @"京政办发\s*〔2017〕\s*51\s*号" },
        { Tag.DocSocial57, @"江人社发\s*〔2016〕\s*57\s*号" },
        { Tag.DocDibao12, @"江府办\s*〔2018〕\s*12\s*号" },
    };

    /// <summary>
    /// A 文号 tag means the article is that document or cites it, in any spelling: exactly where the
    /// number is written (or, for the 57号 opinion, its full title, which seed 002 cites without the number).
    /// </summary>
    [Theory]
    [MemberData(nameof(Documents))]
    public void An_article_carries_a_document_tag_exactly_when_it_cites_the_number(string tag, string pattern)
    {
        var regex = new Regex(pattern);
        var tagged = Corpus.Where(a => a.About.Contains(tag)).Select(a => a.Key).Order().ToList();
        var citing = Corpus.Where(a => regex.IsMatch(Checked(a))).Select(a => a.Key).Order().ToList();
        citing.ShouldBe(tagged);
        tagged.ShouldNotBeEmpty();
    }

    [Fact]
    public void The_guideline_tag_is_on_exactly_the_articles_that_cite_the_guideline_as_a_document()
    {
        var cites = new Regex("[《〈<]政府网站发展指引[》〉>]|国办发\\s*[〔\\[（(]?\\s*2017");
        var citing = Corpus.Where(a => cites.IsMatch(Checked(a)))
            .Select(a => a.Key).Order().ToList();
        citing.ShouldBe(Corpus.Where(a => a.About.Contains(Tag.Guideline)).Select(a => a.Key).Order());
    }

    public static TheoryData<string, string> TitleWords => new()
    {
        { "江门", Tag.Place("江门") }, { "台山", Tag.Place("台山") }, { "开平", Tag.Place("开平") }, { "湖南", Tag.Place("湖南") },
        { "北京", Tag.Place("北京") }, { "斗山", Tag.Place("斗山") },
        { "集约化", Tag.Intensive }, { "政府网站", Tag.Websites }, { "信息公开", Tag.Disclosure }, { "互动交流", Tag.Interaction },
        { "僵尸", Tag.Zombie }, { "问责", Tag.Accountability }, { "年度报表", Tag.AnnualReport }, { "低保", Tag.Dibao },
        { "最低生活保障", Tag.Dibao }, { "不动产登记", Tag.RealEstate }, { "社保卡", Tag.SocialCard }, { "社会保障卡", Tag.SocialCard },
        { "入学", Tag.SchoolEntry }, { "招生", Tag.SchoolEntry }, { "领导信箱", Tag.Mailbox }, { "在线访谈", Tag.Interview },
    };

    /// <summary>A title that names a place or a judged topic belongs to it: the generator cannot leave such an article out of a judgment.</summary>
    [Theory]
    [MemberData(nameof(TitleWords))]
    public void A_title_that_names_a_place_or_topic_is_tagged_with_it(string word, string tag)
    {
        var missing = Corpus.Where(a => Fold(a.Title).Contains(word, StringComparison.Ordinal) && !a.About.Contains(tag)).Select(a => a.Key + " " + a.Title).ToList();
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void The_judged_set_has_sixty_queries_each_with_reasons_and_relevant_documents()
    {
        var queries = JudgedQueries.Load();
        queries.Count.ShouldBeGreaterThanOrEqualTo(60);
        queries.Select(q => (q.Query, q.Site)).ShouldBeUnique();
        var tags = Corpus.SelectMany(a => a.About).ToHashSet(StringComparer.Ordinal);
        var keys = Corpus.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var q in queries)
        {
            q.Why.Length.ShouldBeGreaterThan(10, q.Query);
            q.Keys.ShouldAllBe(k => keys.Contains(k), q.Query);
            q.Alternatives.SelectMany(t => t).ShouldAllBe(t => tags.Contains(t), q.Query);
            if (q.Site is not null)
            {
                RealDocumentCorpus.Sites.ShouldContain(s => s.Code == q.Site, q.Query);
            }
            var relevant = q.Relevant(Corpus);
            relevant.ShouldNotBeEmpty(q.Query);
            output.WriteLine($"{q.Kind}\t{q.Query}\t{relevant.Count} relevant");
        }
        foreach (var kind in new[] { "人名", "文号", "地名", "政策名称", "通俗说法", "繁体", "拼音", "首字母", "错别字", "多词" })
        {
            queries.ShouldContain(q => q.Kind == kind, kind);
        }
    }
}
