using GovSite.Common;
using GovSite.Search;

namespace GovSite.Tests.Search;

public class SearchTextTests
{
    private static readonly SearchText Text = SearchText.Default;

    [Theory]
    [InlineData("統一", "统一")]
    [InlineData("政府網站", "政府网站")]
    [InlineData("ＳＨＥＢＡＯ　２０２４", "shebao 2024")]
    [InlineData("GovSite", "govsite")]
    public void Folding_maps_traditional_full_width_and_case(string input, string expected) =>
        ChineseText.Fold(input).ShouldBe(expected);

    [Fact]
    public void Folding_keeps_every_position_so_highlights_land_on_the_original_characters()
    {
        var original = "關於社會保險的通知";
        Snippets.Highlight(original, ["社会保险"]).ShouldBe("關於<mark>社會保險</mark>的通知");
    }

    [Theory]
    [InlineData("zhengfuwangzhan", "zheng fu wang zhan")]
    [InlineData("shebao", "she bao")]
    [InlineData("xian", "xian")]
    public void Pinyin_is_split_into_the_fewest_syllables(string letters, string expected) =>
        string.Join(' ', Pinyin.Split(letters)!).ShouldBe(expected);

    [Fact]
    public void Letters_that_are_not_pinyin_do_not_split() => Pinyin.Split("sb").ShouldBeNull();

    [Fact]
    public void A_polyphonic_character_matches_any_of_its_readings()
    {
        Pinyin.Of('行').ShouldContain("xing");
        Pinyin.Of('行').ShouldContain("hang");
        Pinyin.Spellings("银行").ShouldContain("yinhang");
    }

    [Theory]
    [InlineData("国办发〔2014〕57号")]
    [InlineData("国办发[2014]57号")]
    [InlineData("国办发［2014］57号")]
    [InlineData("国办发2014年57号")]
    [InlineData("國辦發〔2014〕57號")]
    [InlineData("国办发（2014）第57号")]
    public void Every_way_of_typing_a_document_number_gives_the_same_key(string typed) =>
        SearchText.DocNumberKey(typed).ShouldBe(SearchText.DocNumberKey("国办发〔2014〕57号"));

    [Fact]
    public void Different_document_numbers_give_different_keys() =>
        SearchText.DocNumberKey("国办发〔2014〕57号").ShouldNotBe(SearchText.DocNumberKey("国办发〔2014〕5号"));

    [Theory]
    [InlineData("〔2014〕57号")]
    [InlineData("[2014]57号")]
    [InlineData("2014年57号")]
    [InlineData("（2014）第57號")]
    [InlineData("2014年第057号")]
    public void A_document_number_without_its_issuer_is_a_key_every_document_number_of_its_year_and_number_carries(string typed)
    {
        var key = Text.Parse(typed).Terms.ShouldHaveSingleItem().ShouldHaveSingleItem();
        key.Kind.ShouldBe(AlternativeKind.DocNumber);
        var token = key.Tokens.ShouldHaveSingleItem();
        Text.DocumentTokens("通知", null, null, "国办发〔2014〕57号", null).Title.Split(' ').ShouldContain(token);
        Text.DocumentTokens("转发国办发[2014]57号文件的通知", null, null, null, null).Title.Split(' ').ShouldContain(token);
        Text.DocumentTokens("通知", null, "依据2014年第57号文件执行。", null, null).Body.Split(' ').ShouldContain(token);
        Text.DocumentTokens("通知", null, "（〔2014〕57号）", null, null).Body.Split(' ').ShouldContain(token);
        // Another year or number, and digits that are no 文号, are not it.
        var (title, body) = Text.DocumentTokens("通知", null, "依据〔2014〕5号、2015年57号、〔2014〕570号和编号201457号。", "国办发〔2014〕58号", null);
        title.Split(' ').Concat(body.Split(' ')).ShouldNotContain(token);
    }

    [Fact]
    public void Index_numbers_ignore_separators_and_width() =>
        SearchText.IndexNumberKey("11990000MB0000001X/2025-00012")
            .ShouldBe(SearchText.IndexNumberKey("１１９９００００ＭＢ００００００１Ｘ／２０２５－０００１２"));

    [Fact]
    public void Documents_are_indexed_as_bigrams_single_characters_and_title_pinyin()
    {
        var (title, body) = Text.DocumentTokens("社保卡", null, "办理社保", null, null);
        // 卡 reads ka (卡片) or qia (关卡): both readings are indexed.
        title.Split(' ').ShouldBe(["社", "社保", "保", "保卡", "卡", "zpyshebao", "zpisb", "zpybaoka", "zpibk", "zpybaoqia", "zpibq"], ignoreOrder: true);
        body.Split(' ').ShouldContain("办理");
        body.Split(' ').ShouldContain("理社");
    }

    [Fact]
    public void A_query_word_needs_all_of_its_bigrams_and_a_single_character_needs_itself()
    {
        var plan = Text.Parse("营商环境 税");
        plan.Terms.Count.ShouldBe(2);
        plan.Terms[0][0].Tokens.ShouldBe(["营商", "商环", "环境"]);
        plan.Terms[1][0].Tokens.ShouldBe(["税"]);
    }

    [Fact]
    public void Everyday_words_also_search_their_official_terms()
    {
        var plan = Text.Parse("生孩子要办什么");
        plan.Terms.Single().Select(a => a.Text).ShouldContain("生育");
        Text.Parse("身份证丢了").Terms.Single().Select(a => a.Text).ShouldContain("居民身份证补领");
        Text.Parse("社保").Terms.Single().Select(a => a.Text).ShouldContain("社会保险");
    }

    [Fact]
    public void The_synonym_table_is_configurable()
    {
        var custom = new SearchText(new SearchVocabulary(["退税 => 个人所得税汇算"], []));
        custom.Parse("退税").Terms.Single().Select(a => a.Text).ShouldContain("个人所得税汇算");
        custom.Parse("社保").Terms.Single().Select(a => a.Text).ShouldNotContain("社会保险");
    }

    [Theory]
    [InlineData("shebao", "社保")]
    [InlineData("sb", "社保")]
    [InlineData("dibao", "低保")]
    public void Pinyin_and_initials_find_known_words(string typed, string word)
    {
        var plan = Text.Parse(typed);
        plan.Hint.ShouldNotBeNull();
        plan.Terms.Single().Select(a => a.Text).ShouldContain(word);
    }

    [Fact]
    public void Pinyin_of_unknown_words_searches_the_title_pinyin()
    {
        var plan = Text.Parse("huangtao");
        plan.Terms.Single().ShouldContain(a => a.Tokens.SequenceEqual(new[] { "zpyhuangtao" }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("* AND OR NOT NEAR ( ) ^ :")]
    [InlineData("'; DROP TABLE \"Articles\"; --")]
    public void Operator_and_punctuation_queries_yield_no_engine_syntax(string query)
    {
        var plan = Text.Parse(query);
        plan.Terms.SelectMany(t => t).SelectMany(a => a.Tokens)
            .ShouldAllBe(token => token.All(c => ChineseText.IsHan(c) || ChineseText.IsWordChar(c)));
    }

    [Fact]
    public void Very_long_queries_are_cut()
    {
        var plan = Text.Parse(new string('政', 10_000));
        plan.Folded.Length.ShouldBe(SearchText.MaxQueryLength);
    }

    [Fact]
    public void The_fts5_match_string_quotes_every_token()
    {
        var match = SqliteSearchBackend.Match(Text.Parse("社保 near"));
        match.ShouldStartWith("((\"社保\")");
        match.ShouldNotContain("NEAR");
    }

    [Fact]
    public void Bodies_carry_full_pinyin_the_document_numbers_written_in_them_and_focus_marks()
    {
        var (_, body) = Text.DocumentTokens("讲话", null,
            "副省长韩永文讲话。根据国办发〔2014〕57号文件，推进集约化、集约化、集约化建设。索引号：11440700007186391A/2015-00003", null, null);
        var tokens = body.Split(' ');
        tokens.ShouldContain("zpyhanyong");
        tokens.ShouldContain("zpyyongwen");
        // The issuer's abbreviation has no marked start: every ending of the characters before the number is a key.
        tokens.ShouldContain(SearchText.DocNumberKey("国办发〔2014〕57号")!);
        tokens.ShouldContain(SearchText.DocNumberKey("办发〔2014〕57号")!);
        tokens.ShouldContain(SearchText.IndexNumberKey("11440700007186391A/2015-00003")!);
        // Said three times in a short body (4.3 as the ranking normalises it): the first two focus
        // levels, in characters and in pinyin; said once, no mark.
        tokens.ShouldContain(SearchText.FocusPrefix + "1集约");
        tokens.ShouldContain(SearchText.FocusPrefix + "2集约");
        tokens.ShouldContain(SearchText.FocusPrefix + "1jiyue");
        tokens.ShouldNotContain(SearchText.FocusPrefix + "3集约");
        tokens.ShouldNotContain(SearchText.FocusPrefix + "1讲话");
        // Initials stay in titles.
        tokens.ShouldNotContain(t => t.StartsWith(SearchText.InitialsPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void A_document_number_anywhere_in_a_query_is_one_term_and_the_rest_are_words()
    {
        var plan = Text.Parse("国办发〔2014〕57号 政府网站");
        plan.Terms.Count.ShouldBe(2);
        plan.Terms[0].ShouldContain(a => a.Kind == AlternativeKind.DocNumber && a.Tokens.Single() == SearchText.DocNumberKey("国办发[2014]57号"));
        plan.Terms[1].ShouldContain(a => a.Text == "政府网站");
        // When the number finds nothing, its characters and numbers are tried.
        var loose = plan.Next!;
        loose.Stage.ShouldBe(PlanStage.Parts);
        loose.Terms[0].ShouldContain(a => a.Kind == AlternativeKind.Text && a.Tokens.Contains("国办") && a.Tokens.Contains("57"));
    }

    [Fact]
    public void A_phrase_is_read_whole_then_by_its_sound_then_by_its_words_with_their_synonyms()
    {
        var whole = Text.Parse("交社保");
        whole.Stage.ShouldBe(PlanStage.Whole);
        whole.Terms.Single().ShouldContain(a => a.Text == "交社保");
        // 交 standing as a word is paying: the official wording is 缴纳社会保险.
        whole.Terms.Single().ShouldContain(a => a.Text == "缴纳社会保险");
        whole.Terms.Single().ShouldContain(a => a.Text == "缴费社会保险");
        var sound = whole.Next!;
        sound.Stage.ShouldBe(PlanStage.SoundAlike);
        sound.Terms.Single().ShouldContain(a => a.Kind == AlternativeKind.Pinyin && a.Tokens.Contains("zpyshebao"));
        var parts = sound.Next!;
        parts.Stage.ShouldBe(PlanStage.Parts);
        // 交 alone carries little beside 社保: the part is 社保 or its official term.
        parts.Scored.Select(s => s.Word).ShouldBe(["社保"]);
        parts.Terms.Single().Select(a => a.Text).ShouldBe(["社保", "社会保险"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("孩子上学要办什么", "孩子上学")]
    [InlineData("身份证丢了怎么办", "身份证丢了")]
    [InlineData("社保在哪办", "社保")]
    [InlineData("请问公积金怎么提取", "公积金提取")]
    [InlineData("手续费", "手续费")]
    public void Question_words_are_dropped_as_words_not_as_characters(string query, string phrase) =>
        Text.Parse(query).Terms.Single()[0].Text.ShouldBe(phrase);

    [Fact]
    public void Single_characters_alone_are_not_read_one_by_one()
    {
        // 老树 is cut 老/树: reading it by those parts would match any 树.
        for (var plan = Text.Parse("老树"); plan is not null; plan = plan.Next)
        {
            plan.Stage.ShouldNotBe(PlanStage.Parts);
        }
    }

    [Fact]
    public void A_homophone_stage_keeps_the_syllables_apart()
    {
        var sound = Text.Parse("韩永闻").Next!;
        sound.Terms.Single().ShouldContain(a => a.Text == "han'yong'wen" && a.Tokens.SequenceEqual(new[] { "zpyhanyong", "zpyyongwen" }));
    }
}
