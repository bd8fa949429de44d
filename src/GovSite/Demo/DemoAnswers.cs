using GovSite.Data;
using GovSite.Search;
using Microsoft.EntityFrameworkCore;

namespace GovSite.Demo;

/// <summary>A few 搜索即服务 cards for the demo region, until the services and FAQ features fill the store.</summary>
public static class DemoAnswers
{
    public static async Task SeedIfEmptyAsync(GovSiteDb db, CancellationToken ct)
    {
        if (await db.SearchAnswers.AnyAsync(ct) || await db.SearchLog.AnyAsync(ct))
        {
            return;
        }
        var province = await db.Sites.Where(s => s.Code == DemoRegion.ProvincialPortalCode).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        var humanResources = await db.Sites.Where(s => s.Code == DemoRegion.HumanResourcesCode).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        if (province is null || humanResources is null)
        {
            return;
        }
        db.SearchAnswers.AddRange(
            new SearchAnswer
            {
                SiteId = 0, Title = "居民身份证补领", Triggers = "身份证丢了 身份证补领 补领身份证 居民身份证补领 身份证",
                Answer = "身份证丢失后，本人携带户口簿到户籍所在地或居住地派出所申请补领，现场采集照片，一般20个工作日内领取新证；急用可同时申请临时身份证。",
                Url = $"/sites/{DemoRegion.ProvincialPortalCode}/", UrlText = "前往江川省政务服务",
            },
            new SearchAnswer
            {
                SiteId = humanResources.Value, Title = "社会保险查询与参保", Triggers = "社保 社会保险 社保查询 参保 社保卡",
                Answer = "个人社保缴费记录可在江川省人力资源和社会保障厅网站“办事服务”栏目或12333热线查询；灵活就业人员可在户籍所在地社保经办机构办理参保登记。",
                Url = $"/sites/{DemoRegion.HumanResourcesCode}/", UrlText = "进入省人力资源和社会保障厅网站",
            },
            new SearchAnswer
            {
                SiteId = 0, Title = "生育登记与生育津贴", Triggers = "生孩子 生育 生育登记 生育津贴 生育保险",
                Answer = "生育登记可通过江川省政务服务网在线办理，无需提交证明材料；参加生育保险的职工产假期间按规定领取生育津贴。",
                Url = $"/sites/{DemoRegion.ProvincialPortalCode}/", UrlText = "前往江川省人民政府门户网站",
            },
            new SearchAnswer
            {
                SiteId = province.Value, Title = "企业开办一网通办", Triggers = "开公司 企业开办 营业执照 办执照 开店",
                Answer = "在江川省政务服务网“企业开办”专区一次填报、一网通办，营业执照、公章刻制、发票申领和社保登记1个工作日内办结。",
                Url = $"/sites/{DemoRegion.ProvincialPortalCode}/", UrlText = "前往江川省人民政府门户网站",
            });
        await db.SaveChangesAsync(ct);
    }
}
