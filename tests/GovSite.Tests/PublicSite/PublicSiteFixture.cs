using GovSite.Data;
using GovSite.Publishing;
using GovSite.Sites;
using Microsoft.Extensions.DependencyInjection;

namespace GovSite.Tests.PublicSite;

/// <summary>One site with known content: a news column with 25 articles, a policy with an interpretation, a scheduled article.</summary>
public sealed class PublicSiteFixture : EmptyPlatformFactory
{
    public const string Code = "3301000012";
    public const string Host = "www.testa.gov.cn";
    public const string ChineseHost = "测试甲市人民政府.政务";

    public Site Site { get; private set; } = null!;
    public int NewsColumnId { get; private set; }
    public int PolicyColumnId { get; private set; }
    public int NewestNewsId { get; private set; }
    public int PolicyId { get; private set; }
    public int InterpretationId { get; private set; }
    public int ScheduledId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Site = await CreateSiteAsync(Code, "测试甲市人民政府", SiteType.Portal, Host, ChineseHost);
        NewsColumnId = await ColumnIdAsync(Site.Id, "要闻动态");
        PolicyColumnId = await ColumnIdAsync(Site.Id, "政策文件");
        var interpretationColumn = await ColumnIdAsync(Site.Id, "政策解读");
        await AsSystemAsync(async sp =>
        {
            var articles = sp.GetRequiredService<ArticleService>();
            var start = new DateTime(2026, 10, 1, 9, 0, 0);
            for (var i = 1; i <= 25; i++)
            {
                var saved = await articles.SaveAsync(Site.Id, null, new ArticleInput
                {
                    Publish = true,
                    ColumnId = NewsColumnId,
                    Title = $"测试甲市召开第{i}次工作推进会",
                    Body = $"<p>会议听取了第{i}阶段工作汇报。</p>",
                    Source = "测试甲市人民政府办公室",
                    PublishedAt = start.AddDays(i),
                });
                NewestNewsId = saved.Value!.Id;
            }
            var policy = await articles.SaveAsync(Site.Id, null, new ArticleInput
            {
                Publish = true,
                ColumnId = PolicyColumnId,
                Title = "测试甲市人民政府关于加强政府网站管理的通知",
                Body = "<p>各区人民政府，市政府各部门：</p><p>现就加强政府网站管理通知如下。</p>",
                IndexNumber = "330100/2026-00001",
                Issuer = "测试甲市人民政府",
                DocNumber = "测政发〔2026〕1号",
                WrittenDate = new DateOnly(2026, 9, 28),
                SubjectCategory = "综合政务",
                Validity = PolicyValidity.Valid,
                PublishedAt = new DateTime(2026, 10, 8, 10, 30, 0),
            });
            PolicyId = policy.Value!.Id;
            var interpretation = await articles.SaveAsync(Site.Id, null, new ArticleInput
            {
                Publish = true,
                ColumnId = interpretationColumn,
                Title = "一图读懂《关于加强政府网站管理的通知》",
                Body = "<p>通知明确了网站管理的主要任务。</p>",
                InterpretsId = PolicyId,
                PublishedAt = new DateTime(2026, 10, 9, 10, 0, 0),
            });
            InterpretationId = interpretation.Value!.Id;
            var scheduled = await articles.SaveAsync(Site.Id, null, new ArticleInput
            {
                Publish = true,
                ColumnId = NewsColumnId,
                Title = "尚未到发布时间的稿件",
                Body = "<p>定时发布。</p>",
                PublishedAt = DateTime.UtcNow.AddDays(30),
            });
            ScheduledId = scheduled.Value!.Id;
            return 0;
        });
    }
}
