namespace GovSite.Citizens.Pages;

/// <summary>What <c>_Field.cshtml</c> writes: a label, the value as typed, a hint, the field's errors.</summary>
public sealed record FieldView(string Name, string Label, string? Value, bool Required = false, string Type = "text", int MaxLength = 100,
    string? Hint = null, string? Autocomplete = null, string? InputMode = null);
