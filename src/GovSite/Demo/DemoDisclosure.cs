using GovSite.Calendar;
using GovSite.Data;
using GovSite.Disclosure;
using GovSite.ErrorReports;
using GovSite.Publishing;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Demo;

/// <summary>
/// 政府信息公开 and 找错 in the demo region, through the same services staff use: requests to the
/// provincial 发展和改革委员会 in every state (answered in time, refused with its ground, extended,
/// waiting for 补正, with a third party, waiting for a fee, late), last year's requests and its
/// published annual report, and error reports answered, forwarded and late. Dates are set back
/// from today on the working-day calendar, by the rules of receipt, so the clocks read as they would.
/// </summary>
public static class DemoDisclosure
{
    private static readonly string[] Genres = ["通知", "公告", "通告", "意见", "办法", "规定", "规划", "报告", "批复", "决定", "函"];

    /// <summary>体裁分类 of a demo document, read off its title (公文 titles end with their genre).</summary>
    public static string? GenreOf(string title) => Genres.Where(g => title.Contains(g, StringComparison.Ordinal))
        .OrderByDescending(g => title.LastIndexOf(g, StringComparison.Ordinal)).FirstOrDefault();

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<GovSiteDb>();
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Code == DemoRegion.DevelopmentReformCode, ct);
        var portal = await db.Sites.AsNoTracking().FirstAsync(s => s.Code == DemoRegion.ProvincialPortalCode, ct);
        var education = await db.Sites.AsNoTracking().FirstAsync(s => s.Code == DemoRegion.EducationCode, ct);
        if (await db.InformationRequests.IgnoreQueryFilters().AnyAsync(r => r.SiteId == site.Id, ct))
        {
            return;
        }
        var directory = services.GetRequiredService<Sites.SiteDirectory>();
        string Host(int siteId) => directory.FindById(siteId)?.MainHost ?? "www.example.gov.cn";
        var requests = services.GetRequiredService<RequestService>();
        var calendar = services.GetRequiredService<CalendarService>().Current;
        var today = requests.Today;
        DateOnly Back(int workingDays)
        {
            var date = today;
            for (var found = 0; found < workingDays;)
            {
                date = date.AddDays(-1);
                found += calendar.IsWorkingDay(date) ? 1 : 0;
            }
            return date;
        }
        DateOnly After(DateOnly from, int workingDays) => calendar.AddWorkingDays(from, workingDays);

        async Task<int> ReceiveAsync(DateOnly on, ApplicantKind kind, string name, string id, string description, string? informationName = null,
            ReceiptChannel channel = ReceiptChannel.InPerson)
        {
            var organisation = kind != ApplicantKind.NaturalPerson;
            var outcome = await requests.RecordAsync(site.Id, new RequestInput
            {
                ApplicantKind = kind, Name = name, IdKind = organisation ? IdDocumentKind.CreditCode : IdDocumentKind.ResidentIdCard, IdNumber = id,
                LegalRepresentative = organisation ? "陈志远" : null, ContactName = organisation ? "林晓" : null,
                Phone = organisation ? "0591-87001234" : "13905910000", Email = organisation ? null : "applicant@example.com",
                Address = "江川省临江市滨江路 18 号", PostalCode = "350001", Description = description, InformationName = informationName,
                Delivery = organisation ? DeliveryMethod.Post : DeliveryMethod.Email, Channel = channel, ReceivedOn = on,
            }, null, ct);
            if (outcome.Id is not int requestId)
            {
                throw new InvalidOperationException("Demo request refused: " + string.Join("; ", outcome.Errors.All.SelectMany(e => e.Value)));
            }
            return requestId;
        }
        static void Ok(SaveResult<InformationRequest> result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Demo request step refused: " + string.Join("; ", result.Errors.All.SelectMany(e => e.Value)));
            }
        }

        const string Person = "350102198805120021";
        const string OtherPerson = "35010319920115001X";
        const string Company = "91350100MA2Y0K8X16";

        // Last year's work, for the published annual report.
        var lastYear = today.Year - 1;
        var lastYearDates = new[] { new DateOnly(lastYear, 3, 9), new DateOnly(lastYear, 5, 12), new DateOnly(lastYear, 7, 14), new DateOnly(lastYear, 9, 15), new DateOnly(lastYear, 11, 10) };
        var answers = new[]
        {
            new AnswerInput { Type = AnswerType.Disclosed, Detail = "所申请的项目核准批复文件已随本告知书提供。" },
            new AnswerInput { Type = AnswerType.AlreadyPublic, Detail = "该信息已在本委门户网站“政府信息公开—规划信息”栏目公开。" },
            new AnswerInput { Type = AnswerType.Refused, Ground = nameof(RefusalGround.ThirdPartyRights), Detail = "所申请信息涉及企业商业秘密，第三方不同意公开。" },
            new AnswerInput { Type = AnswerType.NotThisAgency, Detail = "该信息由江川省教育厅负责公开，联系电话 0591-87090000。" },
            new AnswerInput { Type = AnswerType.Unavailable, Ground = nameof(UnavailableReason.NotHeld), Detail = "经检索，本机关未制作或获取该信息。" },
        };
        for (var i = 0; i < lastYearDates.Length; i++)
        {
            var received = lastYearDates[i];
            var id = await ReceiveAsync(received, i % 2 == 0 ? ApplicantKind.NaturalPerson : ApplicantKind.Company, i % 2 == 0 ? "吴建国" : "江川宏达建设有限公司",
                i % 2 == 0 ? Person : Company, $"请公开{lastYear}年度第{i + 1}批省重点建设项目的核准批复文件。", channel: ReceiptChannel.SignedPost);
            var answer = answers[i];
            answer.On = After(received, 8 + i);
            Ok(await requests.AnswerAsync(id, answer, ct));
        }

        // Answered in time.
        var answered = await ReceiveAsync(Back(30), ApplicantKind.NaturalPerson, "吴建国", Person, "请公开临江至清河高速公路项目的可行性研究报告批复。",
            "江发改基础〔2025〕118号");
        Ok(await requests.AnswerAsync(answered, new AnswerInput { Type = AnswerType.Disclosed, Detail = "批复文件已随本告知书通过电子邮件提供。", On = Back(18) }, ct));

        // Refused, with its legal ground.
        var refused = await ReceiveAsync(Back(25), ApplicantKind.Company, "江川宏达建设有限公司", Company, "请公开省级储备粮轮换的具体库点和数量。");
        Ok(await requests.AnswerAsync(refused, new AnswerInput
        {
            Type = AnswerType.Refused, Ground = nameof(RefusalGround.StateSecret), Detail = "经保密审查，所申请信息属于国家秘密。", On = Back(15),
        }, ct));

        // Extended once, with its approver, still open.
        var extended = await ReceiveAsync(Back(22), ApplicantKind.NaturalPerson, "郑丽", OtherPerson, "请公开近三年全省光伏发电项目备案清单及装机容量。");
        Ok(await requests.ExtendAsync(extended, 15, "王副主任", "所申请信息涉及多个年度和多个处室，需要汇总核对。", Back(3), ct));
        // Assigned today: every step is dated, and a step may not be dated before the one before it.
        Ok(await requests.AssignAsync(extended, "能源处", ct));

        // Waiting for the applicant's 补正.
        var correction = await ReceiveAsync(Back(6), ApplicantKind.NaturalPerson, "吴建国", Person, "请公开那个关于电价的文件。");
        Ok(await requests.AskCorrectionAsync(correction, "请写明所需文件的名称、文号或发布时间等可以确定具体信息的特征。", Back(4), ct));

        // With a third party for its opinion.
        var thirdParty = await ReceiveAsync(Back(12), ApplicantKind.Company, "江川宏达建设有限公司", Company, "请公开临江港区二期工程项目法人的投资协议。");
        Ok(await requests.ConsultThirdPartyAsync(thirdParty, "临江港务集团有限公司", "请于 15 个工作日内书面反馈是否同意公开。", Back(8), ct));

        // Waiting for its fee: the applicant's pages this month pass the free band.
        var fee = await ReceiveAsync(Back(9), ApplicantKind.NaturalPerson, "郑丽", OtherPerson, "请公开本委2023年至2025年全部价格听证会的会议记录。");
        Ok(await requests.NoticeFeeAsync(fee, FeeMethod.ByPages, 160, Back(5), ct));

        // Late: received well over 20 working days ago and not answered.
        await ReceiveAsync(Back(24), ApplicantKind.NaturalPerson, "周明", "350104197707070014", "请公开全省天然气管网建设规划中期评估报告。",
            "江川省天然气管网建设规划中期评估报告", ReceiptChannel.OrdinaryPost);

        // Received today on the public form's path, not yet touched.
        await ReceiveAsync(today, ApplicantKind.NaturalPerson, "周明", "350104197707070014", "请公开2025年度省级预算内基本建设投资计划安排情况。");

        // Last year's report, published into its column with the cells only people know.
        var reports = services.GetRequiredService<ReportService>();
        var saved = await reports.SaveAsync(site.Id, lastYear, new ReportInput
        {
            Manual = new() { ["2.licensing"] = "126", ["2.penalty"] = "8", ["2.enforcement"] = "0", ["2.fees"] = "0", ["4.review.upheld"] = "1", ["4.review.total"] = "1" },
            Problems = "一是政策解读形式较为单一；二是部分栏目更新不够及时。下一步将丰富图解、视频等解读形式，落实栏目更新责任。",
        }, ct);
        if (saved.Succeeded)
        {
            await reports.PublishAsync(site.Id, lastYear, ct, attachPdf: false);
        }

        // 找错: answered, forwarded and answered elsewhere, waiting, and late (entered from the national platform).
        var errors = services.GetRequiredService<ErrorReportService>();
        var answeredReport = await errors.SubmitAsync(portal.Id, new ErrorReportInput
        {
            PageUrl = $"https://{Host(portal.Id)}/columns/1/", QuotedText = "江川省人民政府办公厅关于印发2024年", Kind = ErrorKind.Content,
            Description = "标题中的年份应为2025年。", Name = "李先生", Phone = "13800000000",
        }, null, ct);
        if (answeredReport.Id is int a)
        {
            await errors.ReplyAsync(a, "感谢指正，已将标题更正为2025年。", ct);
        }
        var forwarded = await errors.SubmitAsync(portal.Id, new ErrorReportInput
        {
            PageUrl = $"https://{Host(portal.Id)}/", Kind = ErrorKind.Link, Description = "首页“义务教育招生”链接打不开，应由教育厅网站提供。",
        }, null, ct);
        if (forwarded.Id is int f)
        {
            await errors.ForwardAsync(f, education.Id, "该服务由省教育厅网站提供，转教育厅处理。", ct);
        }
        await errors.SubmitAsync(site.Id, new ErrorReportInput
        {
            PageUrl = $"https://{Host(site.Id)}/", Kind = ErrorKind.NotUpdated, Description = "“价格监测”栏目已经两个月没有更新。",
        }, null, ct);
        await errors.RecordNationalAsync(site.Id, new ErrorReportInput
        {
            ExternalNumber = $"JC{today.AddDays(-20):yyyyMMdd}0001", ReceivedOn = Back(6), PageUrl = $"https://{Host(site.Id)}/",
            Kind = ErrorKind.ServiceUnavailable, Description = "“项目备案查询”服务无法打开。",
        }, ct);
    }
}
