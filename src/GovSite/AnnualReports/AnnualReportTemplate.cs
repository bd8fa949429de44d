using System.Text.Json;

namespace GovSite.AnnualReports;

public enum FieldType
{
    Number,
    YesNo,
    Text,
}

/// <summary>
/// One line of the report. Computed: the platform is meant to count it; it is computed when a
/// registered <see cref="IAnnualReportFigures"/> supplies its key, and entered by hand (手工填报)
/// until then (the disclosure catalogue, services and 找错 figures, until those features land).
/// </summary>
public sealed record TemplateField(string Key, string Label, FieldType Type, bool Computed);

public sealed record TemplateSection(string Key, string Title, IReadOnlyList<TemplateField> Fields);

/// <summary>
/// The layout of the 政府网站工作年度报表 (国办函〔2018〕12号) as data: sections, fields, labels,
/// order and which are computed, read from <c>annual-report-template.json</c> beside the code (or
/// the file named by <c>AnnualReports:Template</c>), so next year's changes are an edit, not a release.
/// </summary>
public sealed class AnnualReportTemplate
{
    public required string Title { get; init; }
    public required IReadOnlyList<TemplateSection> Sections { get; init; }

    public IEnumerable<TemplateField> Fields => Sections.SelectMany(s => s.Fields);

    public TemplateField? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    public static AnnualReportTemplate Load(string? path, string resource = "annual-report-template.json")
    {
        using var stream = path is { Length: > 0 }
            ? File.OpenRead(path)
            : typeof(AnnualReportTemplate).Assembly.GetManifestResourceStream("GovSite.AnnualReports." + resource)
              ?? throw new InvalidOperationException($"The report template {resource} is missing from the build.");
        var file = JsonSerializer.Deserialize<TemplateFile>(stream, Options) ?? throw new InvalidOperationException("Empty annual report template.");
        return new AnnualReportTemplate
        {
            Title = file.Title,
            Sections = [.. file.Sections.Select(s => new TemplateSection(s.Key, s.Title,
                [.. s.Fields.Select(f => new TemplateField(f.Key, f.Label, Enum.Parse<FieldType>(f.Type, ignoreCase: true), f.Computed))]))],
        };
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private sealed record TemplateFile(string Title, List<SectionFile> Sections);

    private sealed record SectionFile(string Key, string Title, List<FieldFile> Fields);

    private sealed record FieldFile(string Key, string Label, string Type, bool Computed);
}
