using GovSite.Common;
using GovSite.Publishing;

namespace GovSite.Tests.Publishing;

public class HtmlSanitiserTests
{
    [Fact]
    public void Script_elements_are_removed_with_their_content()
    {
        var clean = HtmlSanitiser.Sanitise("<p>正文</p><script>alert('x')</script><style>p{}</style>");
        clean.ShouldBe("<p>正文</p>");
    }

    [Fact]
    public void Event_handlers_and_styles_are_stripped()
    {
        var clean = HtmlSanitiser.Sanitise("<p onclick=\"steal()\" style=\"x:expression(1)\" class=\"lead\">段落</p><img src=\"/a.png\" onerror=\"x()\" alt=\"图\">");
        clean.ShouldNotContain("onclick");
        clean.ShouldNotContain("onerror");
        clean.ShouldNotContain("style");
        clean.ShouldContain("class=\"lead\"");
        clean.ShouldContain("alt=\"图\"");
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">链接</a>")]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">链接</a>")]
    [InlineData("<a href=\" JAVASCRIPT:alert(1)\">链接</a>")]
    [InlineData("<a href=\"vbscript:x\">链接</a>")]
    [InlineData("<a href=\"data:text/html,<script>x</script>\">链接</a>")]
    public void Dangerous_urls_lose_their_href(string html)
    {
        var clean = HtmlSanitiser.Sanitise(html);
        clean.ShouldNotContain("href");
        clean.ShouldContain("链接");
    }

    [Fact]
    public void Safe_links_are_kept_and_new_windows_get_noopener()
    {
        var clean = HtmlSanitiser.Sanitise("<a href=\"https://www.gov.cn/\" target=\"_blank\">中国政府网</a> <a href=\"/columns/3\">栏目</a>");
        clean.ShouldContain("href=\"https://www.gov.cn/\"");
        clean.ShouldContain("rel=\"noopener noreferrer\"");
        clean.ShouldContain("href=\"/columns/3\"");
    }

    [Fact]
    public void Unknown_elements_are_unwrapped_and_their_text_kept()
    {
        var clean = HtmlSanitiser.Sanitise("<font color=red><blink>重要通知</blink></font><iframe src=\"https://evil\"></iframe>");
        clean.ShouldBe("重要通知");
    }

    [Fact]
    public void Tables_and_headings_survive()
    {
        var html = "<h2>一、总体要求</h2><table><tbody><tr><td colspan=\"2\">内容</td></tr></tbody></table>";
        HtmlSanitiser.Sanitise(html).ShouldBe(html);
    }

    [Fact]
    public void Plain_text_becomes_encoded_paragraphs()
    {
        HtmlSanitiser.FromPlainText("第一段\n\n第二段 <b>\r\n").ShouldBe("<p>第一段</p><p>第二段 &lt;b&gt;</p>");
    }

    [Fact]
    public void What_the_rich_text_editor_writes_survives_with_its_alignment_classes()
    {
        // Quill 2's semantic HTML for headings, alignment, lists, inline formats, quote, link and image.
        var editor = "<h2>一、总体要求</h2><p class=\"ql-align-center\">居中段落</p><ol><li>第一项</li><li class=\"ql-indent-1\">下一级</li></ol>" +
                     "<ul><li>要点</li></ul><p><strong>加粗</strong><em>斜体</em><u>下划线</u><s>删除线</s></p><blockquote>引用</blockquote>" +
                     "<p><a href=\"https://www.gov.cn/\" rel=\"noopener noreferrer\" target=\"_blank\">中国政府网</a></p>" +
                     "<p><img src=\"/files/3/%E7%8E%B0%E5%9C%BA.png\" alt=\"项目现场\"></p><pre data-language=\"plain\">代码</pre>";
        var clean = HtmlSanitiser.Sanitise(editor);
        foreach (var kept in new[]
                 {
                     "<h2>一、总体要求</h2>", "<p class=\"ql-align-center\">居中段落</p>", "<li class=\"ql-indent-1\">下一级</li>", "<ul><li>要点</li></ul>",
                     "<strong>加粗</strong><em>斜体</em><u>下划线</u><s>删除线</s>", "<blockquote>引用</blockquote>",
                     "href=\"https://www.gov.cn/\"", "rel=\"noopener noreferrer\"", "<img src=\"/files/3/%E7%8E%B0%E5%9C%BA.png\" alt=\"项目现场\">", "<pre>代码</pre>",
                 })
        {
            clean.ShouldContain(kept);
        }
    }

    [Fact]
    public void Editor_output_tampered_on_the_way_loses_scripts_handlers_and_javascript_urls()
    {
        var clean = HtmlSanitiser.Sanitise(
            "<p class=\"ql-align-right\" onmouseover=\"x()\">右对齐</p><script>alert(1)</script>" +
            "<p><a href=\"javascript:alert(1)\" target=\"_blank\">链接</a><img src=\"javascript:x\" onerror=\"y()\" alt=\"图\"></p>");
        clean.ShouldBe("<p class=\"ql-align-right\">右对齐</p><p><a target=\"_blank\" rel=\"noopener noreferrer\">链接</a><img alt=\"图\"></p>");
    }
    [Fact]
    public void No_payload_of_the_xss_corpus_keeps_a_script_an_event_handler_or_a_script_url()
    {
        var payloads = GovSite.Tests.TestData.Corpora.XssPayloads();
        payloads.Count.ShouldBeGreaterThanOrEqualTo(300);
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var kept = new List<string>();
        foreach (var payload in payloads)
        {
            var clean = HtmlSanitiser.Sanitise(payload);
            // Read back as a browser would: no script element, no on… attribute, no script URL anywhere.
            var document = parser.ParseDocument("<body>" + clean + "</body>");
            var bad = document.QuerySelectorAll("script, iframe, object, embed, svg, math, style, base, form, meta, link").Length > 0
                || document.All.Any(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || a.Name.Equals("style", StringComparison.OrdinalIgnoreCase)
                    || (a.Value.Replace(" ", "", StringComparison.Ordinal).Contains("script:", StringComparison.OrdinalIgnoreCase))));
            if (bad)
            {
                kept.Add($"{payload} → {clean}");
            }
        }
        kept.ShouldBeEmpty();
    }

    [Fact]
    public void The_start_of_the_plain_text_matches_the_whole_text_wherever_the_prefix_is_cut()
    {
        // Paragraphs with tags and entities across the 4 KB window, at every shift of the cut.
        for (var shift = 0; shift < 40; shift++)
        {
            var html = new string(' ', shift) + string.Concat(Enumerable.Range(0, 200).Select(i =>
                $"<p class=\"x\">第{i}段：统一&amp;规范<strong>政府网站</strong>&nbsp;建设</p>"));
            var whole = HtmlSanitiser.ToPlainText(html);
            var start = HtmlSanitiser.PlainTextStart(html, 120);
            start.Length.ShouldBeGreaterThanOrEqualTo(120);
            start.ShouldBe(whole[..start.Length]);
        }
        // Short bodies and bodies whose text is mostly markup are parsed whole.
        HtmlSanitiser.PlainTextStart("<p>短文</p>", 120).ShouldBe("短文");
        var markup = string.Concat(Enumerable.Repeat("<img src=\"/a.png\" alt=\"\">", 400)) + "<p>结尾的文字</p>";
        HtmlSanitiser.PlainTextStart(markup, 120).ShouldBe(HtmlSanitiser.ToPlainText(markup));
    }
}

public class PlainTextTests
{
    // Bodies as they are stored: sanitised (the parser's own serialisation) from the five policy
    // documents, as an import writes them, and in the shapes the editor writes.
    private static List<string> Bodies() =>
    [
        .. QualityGateTests.Seeds().Select(seed => HtmlSanitiser.Sanitise(HtmlSanitiser.FromPlainText(seed))),
        HtmlSanitiser.Sanitise("<p>东阳县人民政府各有关单位：</p>\n<p>为深入贯彻落实党中央、国务院关于深化“放管服”改革的决策部署，制定本实施意见。</p>\n"
            + "<h3>一、总体要求</h3>\n<p><strong>（一）指导思想。</strong>坚持以人民为中心的发展思想，聚焦企业和群众办事的难点堵点。</p>\n"
            + "<p><strong>（二）基本原则。</strong>全面梳理<em>政务服务</em>事项基本目录，<br>逐项明确事项名称。</p>"),
        HtmlSanitiser.Sanitise("开头的文字<strong>加粗</strong>中间<br>换行后<span>  内联  </span><p>  </p><h2>标题</h2>结尾"),
        HtmlSanitiser.Sanitise("<p>含有 &amp; 符号和 &lt;尖括号&gt; 的段落</p><p class=\"lead\">带属性的段落</p><ul><li>列表</li></ul>"),
    ];

    [Fact]
    public void The_parser_free_path_gives_the_parsers_text_on_every_prefix_of_real_bodies()
    {
        int answered = 0, declined = 0;
        foreach (var body in Bodies())
        {
            // Every prefix of the start (a description reads a cut prefix), then every 37th.
            for (var length = 0; length <= body.Length; length += length < 700 ? 1 : 37)
            {
                var prefix = body[..length];
                if (HtmlSanitiser.SimplePlainText(prefix) is { } fast)
                {
                    fast.ShouldBe(HtmlSanitiser.ParsedPlainText(prefix), $"prefix of {length} characters of: {body[..Math.Min(body.Length, 60)]}");
                    answered++;
                }
                else
                {
                    declined++;
                }
            }
        }
        // The fast path must actually carry the ordinary bodies, and decline the ones with entities and attributes.
        answered.ShouldBeGreaterThan(4000);
        declined.ShouldBeGreaterThan(100);
    }

    [Theory]
    [InlineData("<p>a &copy; b</p>")]
    [InlineData("<p>a &amp</p>")]
    [InlineData("<p>a &nb")]
    [InlineData("<p class=\"x\">a</p>")]
    [InlineData("<p><p>a</p></p>")]
    [InlineData("<strong><p>a</p></strong>")]
    [InlineData("<P>a</P>")]
    [InlineData("<pre>\na</pre>")]
    [InlineData("<p>a</strong>")]
    [InlineData("</p>a")]
    [InlineData("<!-- note --><p>a</p>")]
    [InlineData("a\r\nb")]
    [InlineData("a <")]
    [InlineData("<p>a</")]
    [InlineData("<br/>a")]
    [InlineData("<a href=\"/x\">a</a>")]
    public void The_parser_free_path_declines_what_the_parser_might_read_differently(string html)
    {
        HtmlSanitiser.SimplePlainText(html).ShouldBeNull();
        HtmlSanitiser.ToPlainText(html).ShouldBe(HtmlSanitiser.ParsedPlainText(html));
    }

    [Theory]
    [InlineData("<p>一</p>\n<p>二</p>", "一 二")]
    [InlineData("<h3>标题</h3><p><strong>加粗</strong>正文<br>下一行</p>", "标题 加粗正文下一行")]
    [InlineData("前<strong>中</strong>后", "前 中 后")]
    [InlineData("<p>完整的段落</p><p>被截断的<str", "完整的段落 被截断的")]
    [InlineData("<p>  \u3000两端空白\u3000 </p>", "两端空白")]
    [InlineData("<p>&lt;政府网站发展指引&gt; &amp; &quot;引号&quot;&nbsp;空格</p>", "<政府网站发展指引> & \"引号\"\u00A0空格")]
    public void The_parser_free_path_reads_paragraphs_headings_and_inline_text(string html, string text)
    {
        HtmlSanitiser.SimplePlainText(html).ShouldBe(text);
        HtmlSanitiser.ParsedPlainText(html).ShouldBe(text);
    }
}
