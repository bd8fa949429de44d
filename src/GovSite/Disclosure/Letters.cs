using System.Globalization;
using System.Text;
using GovSite.PublicSite;

namespace GovSite.Disclosure;

/// <summary>What a letter is made from besides the request: the event's own words.</summary>
public sealed record LetterFacts(
    DateOnly IssuedOn,
    string? Text = null,
    int? Days = null,
    string? ApprovedBy = null,
    DateOnly? NewDue = null,
    string? Party = null,
    decimal? Amount = null,
    FeeMethod? Method = null,
    int? Pages = null,
    int? MonthCount = null,
    DateOnly? PayBy = null,
    int AttachedFiles = 0);

/// <summary>
/// The templates of the letters a request produces, one per answer type and one for each clock
/// event that tells someone something (补正, 延期, 第三方, 收费, 终止). A template is code: the
/// legal wording cites the 条例's articles, which only change with the law.
/// </summary>
public static class Letters
{
    public static string Date(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private const string Regulation = "《中华人民共和国政府信息公开条例》（以下简称《条例》）";

    private static string Opening(InformationRequest r) =>
        $"本机关于{Date(r.ReceivedOn)}收到您提出的政府信息公开申请（申请编号：{r.Number}），申请获取“{Summary(r)}”的相关政府信息。";

    /// <summary>The information asked for, as the letter names it: its name when given, else the start of the description.</summary>
    public static string Summary(InformationRequest r)
    {
        var text = r.InformationName ?? r.Description;
        text = text.ReplaceLineEndings(" ");
        return text.Length > 80 ? text[..80] + "……" : text;
    }

    private static string Remedies(DisclosureGuide guide) =>
        $"如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。{guide.Remedies}";

    private static string Contact(DisclosureGuide guide) =>
        $"联系机构：{guide.Office}；地址：{guide.Address}{(guide.PostalCode is null ? "" : $"（邮编 {guide.PostalCode}）")}；联系电话：{guide.Phone}。";

    /// <summary>政府信息公开申请答复告知书, by answer type.</summary>
    public static (string Title, string Body) Decision(InformationRequest r, DisclosureGuide guide, LetterFacts f)
    {
        var ground = DisclosureLabels.GroundText(r.AnswerType, r.AnswerGround);
        var detail = r.AnswerDetail ?? "";
        var files = f.AttachedFiles > 0 ? $"（见附件，共 {f.AttachedFiles} 份）" : "";
        var answer = r.AnswerType switch
        {
            AnswerType.AlreadyPublic =>
                $"经审查，您申请获取的政府信息已经主动公开。根据《条例》第三十六条第（一）项的规定，现告知您获取该政府信息的方式和途径：{detail}",
            AnswerType.Disclosed =>
                $"经审查，您申请获取的政府信息属于公开范围。根据《条例》第三十六条第（二）项的规定，本机关向您提供该政府信息{files}，提供方式：{DisclosureLabels.Of(r.Delivery)}。{detail}",
            AnswerType.PartlyDisclosed when Enum.TryParse<RefusalGround>(r.AnswerGround, out var g) =>
                $"经审查，您申请获取的政府信息中，部分内容{ground}。根据{DisclosureLabels.LegalBasis(g)}及第三十七条的规定，本机关对该部分内容不予公开，对可以公开的部分予以公开{files}。具体说明：{detail}",
            AnswerType.Refused when Enum.TryParse<RefusalGround>(r.AnswerGround, out var g) =>
                $"经审查，您申请获取的政府信息{ground}。根据{DisclosureLabels.LegalBasis(g)}及第三十六条第（三）项的规定，本机关决定不予公开。理由：{detail}",
            AnswerType.Unavailable when r.AnswerGround == nameof(UnavailableReason.NeedsCreation) =>
                $"经检索查找，您申请获取的政府信息{ground}。根据《条例》第三十八条的规定，行政机关向申请人提供的信息，应当是已制作或者获取的政府信息，本机关无法提供。说明：{detail}",
            AnswerType.Unavailable =>
                $"经检索查找，{ground}。根据《条例》第三十六条第（四）项的规定，本机关无法提供。说明：{detail}",
            AnswerType.NotThisAgency =>
                $"经审查，您申请获取的政府信息不属于本机关负责公开。根据《条例》第三十六条第（五）项的规定，现告知您：负责公开该政府信息的行政机关为{detail}。",
            AnswerType.Repeat =>
                $"经审查，本机关已就您此前提出的相同政府信息公开申请作出答复，本次属于重复申请公开相同政府信息。根据《条例》第三十六条第（六）项的规定，本机关不予重复处理。{detail}",
            AnswerType.OtherChannel =>
                $"经审查，您申请获取的信息属于{detail}，有关法律、行政法规对该信息的获取有特别规定。根据《条例》第三十六条第（七）项的规定，请您依照有关法律、行政法规的规定办理。",
            AnswerType.NotProcessed when r.AnswerGround == nameof(NotProcessedGround.Excessive) =>
                $"经审查，您的申请属于{ground}。根据《条例》第三十五条的规定，本机关不予处理。{detail}",
            AnswerType.NotProcessed =>
                $"经审查，您的申请属于{ground}。根据《条例》第三十九条的规定，本机关不作为政府信息公开申请处理。{detail}",
            _ => detail,
        };
        var body = new StringBuilder()
            .Append(r.Name).Append('：').Append("\n\n")
            .Append(Opening(r)).Append("现答复如下：").Append("\n\n")
            .Append(answer.TrimEnd());
        if (r.AnswerText is { Length: > 0 } more)
        {
            body.Append("\n\n").Append(more);
        }
        body.Append("\n\n").Append(Remedies(guide)).Append("\n\n").Append(Contact(guide));
        return ("政府信息公开申请答复告知书", body.ToString());
    }

    /// <summary>补正申请告知书: what to complete; the clock starts when the completed request arrives.</summary>
    public static (string Title, string Body) Correction(InformationRequest r, DisclosureGuide guide, LetterFacts f) =>
        ("补正申请告知书",
            $"{r.Name}：\n\n{Opening(r)}\n\n经审查，您的申请内容不够明确，需要补正的事项如下：\n\n{f.Text}\n\n"
            + $"根据《条例》第三十条的规定，请您在收到本告知书之日起15个工作日内补正。答复期限自本机关收到补正的申请之日起计算。"
            + "申请人无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。\n\n" + Contact(guide));

    /// <summary>延期答复告知书: approved by a named person, with its reason and the new last day.</summary>
    public static (string Title, string Body) Extension(InformationRequest r, DisclosureGuide guide, LetterFacts f) =>
        ("延期答复告知书",
            $"{r.Name}：\n\n{Opening(r)}\n\n因{f.Text}，本机关不能在规定期限内作出答复。根据《条例》第三十三条第二款的规定，"
            + $"经政府信息公开工作机构负责人（{f.ApprovedBy}）同意，答复期限延长{f.Days}个工作日，本机关将于{Date(f.NewDue!.Value)}前作出答复。\n\n" + Contact(guide));

    /// <summary>第三方意见征询函: addressed to the third party, 15 working days for its opinion.</summary>
    public static (string Title, string Body) ThirdParty(InformationRequest r, DisclosureGuide guide, LetterFacts f) =>
        ("第三方意见征询函",
            $"{f.Party}：\n\n本机关于{Date(r.ReceivedOn)}收到政府信息公开申请（申请编号：{r.Number}），申请公开“{Summary(r)}”的相关政府信息。"
            + $"经审查，该信息可能涉及贵方的合法权益。{(f.Text is { Length: > 0 } t ? t + "\n\n" : "")}"
            + "根据《条例》第三十二条的规定，现书面征求贵方意见。请贵方自收到本函之日起15个工作日内提出书面意见；逾期未提出意见的，由本机关依照《条例》的规定决定是否公开。"
            + "第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方。\n\n"
            + Contact(guide));

    /// <summary>收费通知: the standard applied, the amount, the time to pay; the clock stands still meanwhile.</summary>
    public static (string Title, string Body) Fee(InformationRequest r, DisclosureGuide guide, LetterFacts f)
    {
        var basis = f.Method == FeeMethod.ByPages
            ? $"本次申请涉及政府信息 {f.Pages} 页，连同您本月此前申请的页数累计计算"
            : $"本次申请为您本月在本机关提出的第 {f.MonthCount} 件申请";
        return ("收费通知",
            $"{r.Name}：\n\n{Opening(r)}\n\n根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本机关对您的申请{DisclosureLabels.Of(f.Method!.Value)}信息处理费。"
            + $"{basis}，应缴纳信息处理费人民币 {f.Amount!.Value.ToString("0.##", CultureInfo.InvariantCulture)} 元。收费标准：{FeeSchedule.Describe(f.Method.Value)}。\n\n"
            + $"请于{Date(f.PayBy!.Value)}前（收到本通知之日起20个工作日内）缴纳。缴费期间不计算在答复期限内；逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。"
            + (guide.Fees is { Length: > 0 } fees ? "\n\n" + fees : "") + "\n\n" + Contact(guide));
    }

    /// <summary>终止办理告知书: why the request is no longer handled.</summary>
    public static (string Title, string Body) Closure(InformationRequest r, DisclosureGuide guide, LetterFacts f)
    {
        var why = r.CloseReason switch
        {
            CloseReason.NoCorrection => "您未在规定期限内补正申请，且无正当理由。根据《条例》第三十条的规定，视为放弃申请，本机关不再处理该政府信息公开申请。",
            CloseReason.Unpaid => "您未在收费通知规定的期限内缴纳信息处理费。根据《政府信息公开信息处理费管理办法》的规定，视为放弃申请，本机关不再处理该政府信息公开申请。",
            _ => "您已撤回该政府信息公开申请，本机关终止办理。",
        };
        return ("终止办理告知书",
            $"{r.Name}：\n\n{Opening(r)}\n\n{why}{(f.Text is { Length: > 0 } t ? "\n\n" + t : "")}\n\n" + Contact(guide));
    }

    /// <summary>
    /// A letter as a printable page: A4, the issuer and date at the foot, text encoded. The same
    /// page is the applicant's view and, printed by Chromium, the PDF.
    /// </summary>
    public static string Html(RequestLetter letter, System.Text.Encodings.Web.HtmlEncoder encoder)
    {
        var sb = new StringBuilder(8192);
        var html = new HtmlWriter(sb, encoder);
        html.Raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Text(letter.Title).Raw("</title>\n<style>")
            .Raw(PrintStyle).Raw("</style>\n</head>\n<body>\n");
        WriteBody(html, letter);
        html.Raw("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The letter's own markup (title, number, paragraphs, signature), for a page or a PDF.</summary>
    public static void WriteBody(HtmlWriter html, RequestLetter letter)
    {
        html.Raw("<article class=\"letter\">\n<h1>").Text(letter.Title).Raw("</h1>\n<p class=\"reference\">").Text(letter.Reference).Raw("</p>\n");
        foreach (var paragraph in letter.Body.Split("\n\n"))
        {
            html.Raw("<p>").Text(paragraph).Raw("</p>\n");
        }
        html.Raw("<p class=\"signature\">").Text(letter.Issuer).Raw("<br>").Text(Date(letter.IssuedOn)).Raw("</p>\n</article>\n");
    }

    public const string PrintStyle =
        "@page{size:A4;margin:25mm 22mm}body{font-family:\"Noto Serif CJK SC\",\"Noto Sans CJK SC\",serif;font-size:12pt;line-height:1.9;color:#000}"
        + "h1{font-size:20pt;text-align:center;letter-spacing:.1em;margin:0 0 .3em}.reference{text-align:center;margin:0 0 1.5em}"
        + ".letter p{white-space:pre-wrap;text-indent:0;margin:0 0 .8em}.signature{text-align:right;margin-top:2.5em}"
        + "table{border-collapse:collapse;width:100%;font-size:10pt;margin:0 0 1em}th,td{border:1px solid #000;padding:2px 4px;text-align:center}"
        + "td.text,th.text{text-align:left}caption{font-weight:bold;text-align:left;margin:.6em 0 .3em}.manual{font-style:italic}";
}
