using System.Text.Json;

namespace GovSite.Tests.Corpus;

/// <summary>
/// What people type, for the tests that send it through every plain-text field. The shared corpus
/// (tests/GovSite.Tests/TestData/typed-text.jsonl, written on the `corpus` branch) is used when it is
/// there; until then, the strings below, from the issue and the cases that broke before.
/// </summary>
public static class TypedTextSamples
{
    public static readonly string[] BuiltIn =
    [
        "我家月收入<3000元且>1000元，a<b 这种写法，能否申请低保？",
        "<br>是我打的字，不是换行",
        "a<b && c>d || e<=f",
        "Tom & Jerry \"双引号\" '单引号' `反引号`",
        "＜全角尖括号＞＆全角与号＂全角引号＂",
        "笑脸😀、家庭👨‍👩‍👧、国旗🇨🇳、生僻字𠀀𪚥",
        "零宽\u200b空格与\u200d连接符\u2060和\ufeff字节序",
        "第一行\r\n第二行\r\n\r\n第四行",
        "　　尊敬的领导：\n　　您好！我想反映一个问题。",
        "繁體字：臺灣、電話、資訊、發展與「引號」『書名』",
        "中文标点，。、；：？！“”‘’（）【】《》……——·",
        "<script>window.__pwned=1</script>请问办理时间？",
        "<img src=x onerror=\"window.__pwned=2\">图片",
        "\"><svg onload=window.__pwned=3>",
        "javascript:alert(1)",
        "&lt;不是实体&gt; &amp;amp; &#60;数字实体&#62;",
        "${7*7} {{7*7}} <%= 7*7 %> #{7*7}",
        "'; DROP TABLE \"Messages\"; --",
        "C:\\Windows\\System32 与 /etc/passwd",
        "1 < 2 and 3 > 2, 5% 折扣, 100$ 与 ¥100",
        "邮箱 name+tag@example.com，电话 0591-12345678",
        "制表\t分隔\t的\t文字",
        "ＡＢＣ全角字母１２３全角数字",
        "العربية עברית 混合方向文字",
        "𝐁𝐨𝐥𝐝 数学字母 ℃ ℉ № ™ ©",
        new string('长', 2000) + "的一行",
        "x",
    ];

    /// <summary>The shared corpus when present, else the built-in strings.</summary>
    public static IReadOnlyList<string> Load()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "TestData", "typed-text.jsonl");
        if (!File.Exists(file))
        {
            file = Path.Combine(FindTests(), "TestData", "typed-text.jsonl");
        }
        if (!File.Exists(file))
        {
            return BuiltIn;
        }
        var strings = new List<string>();
        foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            var text = doc.RootElement.ValueKind == JsonValueKind.String ? doc.RootElement.GetString()
                : doc.RootElement.TryGetProperty("text", out var t) ? t.GetString() : null;
            if (text is { Length: > 0 })
            {
                strings.Add(text);
            }
        }
        return strings.Count > 0 ? strings : BuiltIn;
    }

    /// <summary>The characters a reader sees: what whitespace, line breaks and invisible format characters do not change.</summary>
    public static string Visible(string text) =>
        new([.. text.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)]);

    private static string FindTests()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovSite.Tests.csproj")))
            {
                return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}
