namespace GovSite.Tests.Search.RealDocuments;

/// <summary>
/// The five policy texts in ../shared/corpus/seeds/ as the articles a portal would carry, with the
/// metadata their own pages show. Their text is kept exactly as it is in the files (two are in
/// traditional script). Topics are tagged when a heading of the document names them, or when a
/// whole section is about them; a word mentioned in passing is not a topic.
/// </summary>
public static class SeedDocuments
{
    public const string WangZhongwei = "seed-wangzhongwei-speech";
    public const string Jiangmen = "seed-jiangmen-notice";
    public const string AnnualReports = "seed-annual-report-news";
    public const string HanYongwen = "seed-hanyongwen-speech";
    public const string Beijing = "seed-beijing-interpretation";

    /// <summary>The seed directory: ../shared/corpus/seeds beside the repository root.</summary>
    public static string Directory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GovSite.slnx")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "seeds"));
                }
            }
            return "/work/shared/corpus/seeds";
        }
    }

    public static IReadOnlyList<CorpusArticle> Load(string directory)
    {
        string Read(string file, string startsWith)
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The seed document {file} is missing from {directory}.", path);
            }
            var text = File.ReadAllText(path);
            if (!text.StartsWith(startsWith, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{path} is not the seed document this judged set was written over.");
            }
            return text;
        }

        return
        [
            new(WangZhongwei, RealDocumentCorpus.ProvinceOffice, CorpusColumn.News, "切實加強內容建設 努力辦好政府網站",
                Read("000_ab7f5f3a2d0598d6.txt", "切實加強內容建設"), new DateTime(2014, 12, 1, 15, 6, 0),
                Tags(Tag.Person("王仲伟"), Tag.Websites, Tag.ContentBuilding, Tag.Updates, Tag.Zombie, Tag.Interaction))
            {
                Source = "中國政府網（《中國行政管理》雜誌）",
                Author = "王仲偉",
                Traditional = true,
            },
            new(Jiangmen, RealDocumentCorpus.JiangmenPortal, CorpusColumn.Policy,
                "江门市人民政府办公室关于转发广东省人民政府办公厅转发国务院办公厅关于加强政府网站信息内容建设意见的通知",
                Read("001_cc3886c8615626b1.txt", "江府办〔2015〕3号"), new DateTime(2015, 2, 2, 16, 30, 0),
                // The notice carries the Guangdong notice and the State Council opinion in full; the
                // opinion's headings (六) 加强互动交流, (十六) 推进集约化建设 and (三) 强化信息发布更新 make those topics.
                Tags(Tag.Doc57, Tag.Doc73, Tag.DocJiangmen3, Tag.DocJiangmenLetter3, Tag.Place("江门"), Tag.Place("广东"),
                    Tag.Websites, Tag.ContentBuilding, Tag.Interaction, Tag.Intensive, Tag.Updates))
            {
                DocNumber = "江府办〔2015〕3号",
                Issuer = "江门市人民政府办公室",
                WrittenDate = new DateOnly(2015, 1, 29),
                IndexNumber = "007023489/2015-00012",
                Source = "江门市人民政府办公室",
            },
            new(AnnualReports, RealDocumentCorpus.ProvinceOffice, CorpusColumn.News,
                "国办：政府网站不合格或整改不到位将被问责 年度报表每年1月31日前公开",
                Read("002_93f3ccfac91bc313.txt", "WhatsApp"), new DateTime(2018, 2, 5, 9, 12, 0),
                // Sections: 公布两张报表, 填写问责人次, 国办连续发文 (the 指引, and the 57号 opinion cited by its
                // title), “僵尸”网站如何整治, 整合.
                Tags(Tag.Doc12, Tag.Doc57, Tag.AnnualReport, Tag.Accountability, Tag.Zombie, Tag.Updates, Tag.Websites, Tag.Guideline,
                    Tag.Integration, Tag.Person("吕艳滨"), Tag.Person("王敬波"), Tag.Person("翟云")))
            {
                Source = "法制日报、人民日报",
            },
            new(HanYongwen, RealDocumentCorpus.ProvinceOffice, CorpusColumn.News, "加强政府网站能力建设 提高网站质量和水平",
                Read("003_fc381b1d835b1495.txt", "加强政府网站能力建设"), new DateTime(2011, 4, 2, 10, 0, 0),
                // Headings inside the speech: 增强交流.提升政府网站政民互动能力; 整合资源.提升政府网站的整体功能.
                Tags(Tag.Person("韩永文"), Tag.Place("湖南"), Tag.Websites, Tag.Interaction, Tag.Integration))
            {
                Source = "湖南省人民政府门户网站",
                Author = "韩永文",
            },
            new(Beijing, RealDocumentCorpus.ProvinceOffice, CorpusColumn.Interpretation,
                "《關於貫徹落實〈政府網站發展指引〉的實施意見》解讀",
                Read("004_eb3459fe1ba93e74.txt", "北京市人民政府辦公廳印發"), new DateTime(2018, 1, 16, 11, 0, 0),
                // 亮点二 整合时间表, 亮点三 集约化建设路径图; it implements 国办发〔2017〕47号 and explains 京政办发〔2017〕51号.
                Tags(Tag.DocBeijing51, Tag.Doc47, Tag.Place("北京"), Tag.Websites, Tag.Intensive, Tag.Integration, Tag.Guideline,
                    Tag.Interpretation))
            {
                Source = "北京市人民政府辦公廳",
                Traditional = true,
            },
        ];
    }

    private static HashSet<string> Tags(params string[] tags) => [.. tags];
}
