using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace GovSite.Services;

/// <summary>
/// Which column (CSV) or property path (JSON, dotted: "basic.name") holds each field. The
/// defaults are the column names of the provincial hall's export; a source overrides any of
/// them with "field=column" lines.
/// </summary>
public sealed class ServiceImportMapping
{
    public static readonly IReadOnlyDictionary<string, string> DefaultMapping = new Dictionary<string, string>
    {
        ["code"] = "事项编码",
        ["name"] = "事项名称",
        ["type"] = "事项类型",
        ["audience"] = "服务对象",
        ["themes"] = "主题分类",
        ["lifeEvents"] = "人生事件",
        ["businessEvents"] = "企业事件",
        ["department"] = "实施机构",
        ["legalBasis"] = "设定依据",
        ["conditions"] = "受理条件",
        ["materials"] = "申请材料",
        ["location"] = "办理地点",
        ["fee"] = "收费标准",
        ["officeHours"] = "办理时间",
        ["legalDays"] = "法定办结时限",
        ["promisedDays"] = "承诺办结时限",
        ["phone"] = "咨询电话",
        ["supervisionPhone"] = "监督投诉电话",
        ["hallUrl"] = "在线办理地址",
        ["onlineDepth"] = "网上办理深度",
        ["steps"] = "办理流程",
        ["questions"] = "常见问题",
        ["keywords"] = "关键词",
        ["status"] = "事项状态",
    };

    public IReadOnlyDictionary<string, string> Columns { get; }

    private ServiceImportMapping(Dictionary<string, string> columns) => Columns = columns;

    public static ServiceImportMapping Default { get; } = new(new Dictionary<string, string>(DefaultMapping));

    /// <summary>Reads "field=column" lines; unknown fields and malformed lines are errors, in Chinese, by line.</summary>
    public static (ServiceImportMapping? Mapping, List<string> Errors) Parse(string? text)
    {
        var columns = new Dictionary<string, string>(DefaultMapping);
        var errors = new List<string>();
        var n = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var eq = line.IndexOf('=');
            if (eq <= 0 || eq == line.Length - 1)
            {
                errors.Add($"第{n}行“{line}”应写成 字段=列名");
                continue;
            }
            var field = line[..eq].Trim();
            var column = line[(eq + 1)..].Trim();
            var known = DefaultMapping.Keys.FirstOrDefault(k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                errors.Add($"第{n}行的字段“{field}”不存在，可用的字段：{string.Join("、", DefaultMapping.Keys)}");
                continue;
            }
            columns[known] = column;
        }
        return errors.Count == 0 ? (new ServiceImportMapping(columns), errors) : (null, errors);
    }
}

/// <summary>One row of an export as read: the guide it describes, whether the source has withdrawn it, and what could not be read.</summary>
public sealed record ImportRow(int Line, ServiceGuideContent Content, bool WithdrawnAtSource, List<string> Problems);

/// <summary>
/// Reads the hall's export, CSV (a header row, then one item per row; lists inside a cell one entry
/// per line or separated by ；) or JSON (an array of items, or an object holding one under "items",
/// "data", "list" or "rows"; lists as arrays of objects or strings). Nothing in a file may crash
/// the import: a row that cannot be read is a rejected row with its line number.
/// </summary>
public static partial class ServiceImportReader
{
    private static readonly string[] WithdrawnWords = ["已取消", "取消", "已废止", "废止", "已停用", "停用", "已撤销", "撤销", "暂停", "已下架", "下架", "withdrawn", "cancelled", "canceled"];

    public static IEnumerable<ImportRow> Read(Stream stream, ImportFormat format, ServiceImportMapping mapping) =>
        format == ImportFormat.Json ? ReadJson(stream, mapping) : ReadCsv(stream, mapping);

    private static IEnumerable<ImportRow> ReadCsv(Stream stream, ServiceImportMapping mapping)
    {
        var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null,
            MissingFieldFound = null,
            DetectDelimiter = true,
            TrimOptions = TrimOptions.None,
        };
        using var csv = new CsvReader(reader, config);
        string[] headers;
        // A row is reported by the line it starts on: cells may hold line breaks (one material per line).
        var lastLine = 0;
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
            {
                yield break;
            }
            headers = [.. csv.HeaderRecord!.Select(h => h.Trim().TrimStart('\uFEFF'))];
            lastLine = csv.Parser.RawRow;
        }
        catch (CsvHelperException)
        {
            yield break;
        }
        while (true)
        {
            Dictionary<string, string?>? fields = null;
            int line;
            string? failure = null;
            try
            {
                if (!csv.Read())
                {
                    break;
                }
                line = lastLine + 1;
                lastLine = csv.Parser.RawRow;
                fields = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < headers.Length; i++)
                {
                    fields[headers[i]] = csv.TryGetField<string>(i, out var value) ? value : null;
                }
            }
            catch (CsvHelperException e)
            {
                line = lastLine + 1;
                lastLine = csv.Parser.RawRow;
                failure = $"无法读取这一行：{e.GetType().Name}";
            }
            if (failure is not null)
            {
                yield return new ImportRow(line, new ServiceGuideContent(), false, [failure]);
                continue;
            }
            yield return FromFields(line, key => fields!.GetValueOrDefault(key) is { } v ? JsonSerializer.SerializeToElement(v) : null, mapping);
        }
    }

    private static IEnumerable<ImportRow> ReadJson(Stream stream, ServiceImportMapping mapping)
    {
        JsonDocument document;
        string? failure = null;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            document = JsonDocument.Parse("[]");
            // The parser's own words are English; the line and the likely causes are what a person needs.
            failure = $"文件的 JSON 格式有误（第{(e.LineNumber ?? 0) + 1}行）：括号或引号不成对、逗号多余，或嵌套超过 64 层";
        }
        using (document)
        {
            if (failure is not null)
            {
                yield return new ImportRow(0, new ServiceGuideContent(), false, [failure]);
                yield break;
            }
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in new[] { "items", "data", "list", "rows", "records" })
                {
                    if (root.TryGetProperty(name, out var inner))
                    {
                        root = inner;
                        break;
                    }
                }
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("list", out var nested))
                {
                    root = nested;
                }
            }
            if (root.ValueKind != JsonValueKind.Array)
            {
                yield return new ImportRow(0, new ServiceGuideContent(), false, ["JSON 中找不到事项列表（应为数组，或放在 items / data / list 中）"]);
                yield break;
            }
            var n = 0;
            foreach (var element in root.EnumerateArray())
            {
                n++;
                if (element.ValueKind != JsonValueKind.Object)
                {
                    yield return new ImportRow(n, new ServiceGuideContent(), false, [$"第{n}项不是对象"]);
                    continue;
                }
                var item = element;
                yield return FromFields(n, path => Find(item, path), mapping);
            }
        }
    }

    private static JsonElement? Find(JsonElement item, string path)
    {
        var current = item;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }
        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    /// <summary>A row from its fields, looked up through the mapping; every value read leniently, every failure a problem.</summary>
    private static ImportRow FromFields(int line, Func<string, JsonElement?> get, ServiceImportMapping mapping)
    {
        var problems = new List<string>();
        JsonElement? Field(string field) => get(mapping.Columns[field]);
        string? Text(string field) => Field(field) is { } e ? TextOf(e) : null;
        var content = new ServiceGuideContent
        {
            Code = Text("code"),
            Name = Text("name"),
            Department = Text("department"),
            LegalBasis = Text("legalBasis"),
            Conditions = Text("conditions"),
            Location = Text("location"),
            Fee = Text("fee"),
            OfficeHours = Text("officeHours"),
            Phone = Text("phone"),
            SupervisionPhone = Text("supervisionPhone"),
            HallUrl = Text("hallUrl"),
            Keywords = Text("keywords"),
            Themes = Words(Text("themes")),
            LifeEvents = Words(Text("lifeEvents")),
            BusinessEvents = Words(Text("businessEvents")),
        };
        if (Text("type") is { Length: > 0 } type)
        {
            if (ServiceTaxonomy.TryParse<ServiceItemType>(type, out var t))
            {
                content.Type = t;
            }
            else
            {
                problems.Add($"事项类型“{type}”无法识别");
            }
        }
        else
        {
            content.Type = ServiceItemType.PublicService;
        }
        var audience = Text("audience") ?? "";
        content.ForPersons = audience.Contains("自然人", StringComparison.Ordinal) || audience.Contains("个人", StringComparison.Ordinal)
            || audience.Contains("person", StringComparison.OrdinalIgnoreCase);
        content.ForEnterprises = audience.Contains("法人", StringComparison.Ordinal) || audience.Contains("企业", StringComparison.Ordinal)
            || audience.Contains("enterprise", StringComparison.OrdinalIgnoreCase);
        if (Text("onlineDepth") is { Length: > 0 } depth)
        {
            if (ServiceTaxonomy.TryParse<OnlineDepth>(depth, out var d))
            {
                content.OnlineDepth = d;
            }
            else
            {
                problems.Add($"网上办理深度“{depth}”无法识别（应为 信息公开、在线预审、在线受理 或 全程网办）");
            }
        }
        content.LegalDays = Days(Text("legalDays"), "法定办结时限", problems);
        content.PromisedDays = Days(Text("promisedDays"), "承诺办结时限", problems);
        content.Materials = Field("materials") is { } materials ? Materials(materials) : [];
        content.Steps = Field("steps") is { } steps ? Steps(steps) : [];
        content.Questions = Field("questions") is { } questions ? Questions(questions) : [];
        // Themes and events the catalogue does not know are dropped with a note, not a refusal: the item is still useful.
        var unknown = content.Themes.Where(t => !ServiceTaxonomy.AllThemes.Contains(t))
            .Concat(content.LifeEvents.Where(t => !ServiceTaxonomy.LifeEvents.Contains(t)))
            .Concat(content.BusinessEvents.Where(t => !ServiceTaxonomy.BusinessEvents.Contains(t))).ToList();
        if (unknown.Count > 0)
        {
            content.Themes = [.. content.Themes.Where(ServiceTaxonomy.AllThemes.Contains)];
            content.LifeEvents = content.ForPersons ? [.. content.LifeEvents.Where(ServiceTaxonomy.LifeEvents.Contains)] : [];
            content.BusinessEvents = content.ForEnterprises ? [.. content.BusinessEvents.Where(ServiceTaxonomy.BusinessEvents.Contains)] : [];
        }
        var status = Text("status") ?? "";
        var withdrawn = WithdrawnWords.Any(w => status.Contains(w, StringComparison.OrdinalIgnoreCase));
        return new ImportRow(line, content, withdrawn, problems);
    }

    private static string? TextOf(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        JsonValueKind.Array => string.Join("\n", e.EnumerateArray().Select(TextOf).OfType<string>()),
        _ => null,
    };

    private static List<string> Words(string? text) =>
        [.. (text ?? "").Split([',', '，', '、', ';', '；', '|', '/', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>"20" / "20个工作日" / "即办" / "无"; anything else is a problem.</summary>
    private static int? Days(string? text, string label, List<string> problems)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0 || t is "无" or "—" or "-")
        {
            return null;
        }
        if (t is "即办" or "即时办结" or "当场办结")
        {
            return 0;
        }
        if (DaysPattern().Match(t) is { Success: true } m && int.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        problems.Add($"{label}“{t}”无法识别（应为工作日数，如 20个工作日，或 即办）");
        return null;
    }

    /// <summary>One entry per line (or ；): text entries, or JSON objects / arrays of them.</summary>
    private static IEnumerable<string> Entries(string? text) =>
        (text ?? "").Split(['\n', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => Numbering().Replace(e, "").Trim()).Where(e => e.Length > 0);

    private static List<MaterialInput> Materials(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object))
        {
            return [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e =>
            {
                var material = Material(Prop(e, "name", "材料名称", "名称") ?? "");
                if (Prop(e, "form", "材料形式", "形式") is { } form && ServiceTaxonomy.TryParse<MaterialForm>(form, out var f))
                {
                    material.Form = f;
                }
                material.Originals = Count(Prop(e, "originals", "原件份数")) ?? material.Originals;
                material.Copies = Count(Prop(e, "copies", "复印件份数")) ?? material.Copies;
                if (Prop(e, "required", "是否必要") is { } required)
                {
                    material.Required = required is not ("false" or "否" or "非必要" or "0");
                }
                material.Note = Prop(e, "note", "备注", "来源渠道") ?? material.Note;
                return material;
            })];
        }
        return [.. Entries(TextOf(value)).Select(Material)];
    }

    /// <summary>"居民身份证（原件1份，复印件1份）" → the name and the counts; "(非必要)" marks an optional one.</summary>
    private static MaterialInput Material(string text)
    {
        var material = new MaterialInput { Name = text, Form = MaterialForm.Original, Originals = 1, Copies = 0 };
        var open = text.IndexOfAny(['（', '(']);
        if (open <= 0)
        {
            return material;
        }
        var inside = text[(open + 1)..].TrimEnd('）', ')');
        material.Name = text[..open].Trim();
        var originals = CountAfter(inside, "原件");
        var copies = CountAfter(inside, "复印件");
        material.Originals = originals ?? 0;
        material.Copies = copies ?? 0;
        material.Form = (originals, copies) switch
        {
            (not null, not null) => MaterialForm.OriginalAndCopy,
            (null, not null) => MaterialForm.Copy,
            _ when inside.Contains("电子", StringComparison.Ordinal) => MaterialForm.Electronic,
            _ => MaterialForm.Original,
        };
        if (material.Form == MaterialForm.Original && material.Originals == 0)
        {
            material.Originals = 1;
        }
        material.Required = !(inside.Contains("非必要", StringComparison.Ordinal) || inside.Contains("选填", StringComparison.Ordinal)
            || inside.Contains("如有", StringComparison.Ordinal) || inside.Contains("可选", StringComparison.Ordinal));
        var rest = CountsPattern().Replace(inside, "").Trim('，', ',', '、', ' ');
        rest = rest.Replace("非必要", "", StringComparison.Ordinal).Replace("电子材料", "", StringComparison.Ordinal).Trim('，', ',', '、', ' ');
        material.Note = rest.Length > 0 ? rest : null;
        return material;
    }

    private static int? CountAfter(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        if (at < 0 || (word == "原件" && at > 0 && text[at - 1] == '印'))
        {
            return null;
        }
        var m = CountPattern().Match(text, at + word.Length);
        return m.Success && m.Index <= at + word.Length + 1 && int.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? Math.Min(n, 99) : 1;
    }

    private static List<StepInput> Steps(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object))
        {
            return [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => new StepInput
            {
                Name = Prop(e, "name", "环节名称", "名称"), Description = Prop(e, "description", "说明", "办理内容"), TimeLimit = Prop(e, "timeLimit", "时限"),
            })];
        }
        return [.. Entries(TextOf(value)).Select(e =>
        {
            var colon = e.IndexOfAny(['：', ':']);
            return colon > 0 && colon <= 20 ? new StepInput { Name = e[..colon].Trim(), Description = e[(colon + 1)..].Trim() } : new StepInput { Name = e };
        })];
    }

    private static List<QuestionInput> Questions(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object))
        {
            return [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => new QuestionInput
            {
                Question = Prop(e, "question", "问题"), Answer = Prop(e, "answer", "解答", "答复"),
            })];
        }
        // "问题|解答", one per line.
        return [.. (TextOf(value) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.Split('|', 2)).Select(p => new QuestionInput { Question = p[0].Trim(), Answer = p.Length > 1 ? p[1].Trim() : null })];
    }

    private static string? Prop(JsonElement e, params string[] names)
    {
        foreach (var name in names)
        {
            if (e.TryGetProperty(name, out var v) && TextOf(v) is { } text)
            {
                return text;
            }
        }
        return null;
    }

    private static int? Count(string? text) =>
        text is not null && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Min(n, 99) : null;

    [GeneratedRegex(@"(\d{1,4})\s*(?:个)?(?:工作日|日|天)?")]
    private static partial Regex DaysPattern();

    [GeneratedRegex(@"(\d{1,3})")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"(?:原件|复印件)\s*\d{0,3}\s*份?")]
    private static partial Regex CountsPattern();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(]?\d{1,3}[)）.．、]|第[一二三四五六七八九十\d]{1,3}[步项]\s*[:：、]?)")]
    private static partial Regex Numbering();
}
