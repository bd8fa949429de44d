using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace GovSite.Admin;

/// <summary>
/// Ties each form field to its error message: the field gets aria-describedby and aria-invalid,
/// the message gets the id it points to. Screen readers then read the error with the field.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class AccessibleFieldTagHelper : TagHelper
{
    // After the built-in helpers, which set id and name.
    public override int Order => 100;

    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression? ValidationFor { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public static string ErrorId(string name) => TagBuilder.CreateSanitizedId(name, "_") + "-error";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ValidationFor is { } v)
        {
            output.Attributes.SetAttribute("id", ErrorId(v.Name));
            return;
        }
        if (For is not { } f || output.Attributes["type"]?.Value?.ToString() == "hidden")
        {
            return;
        }
        if (ViewContext.ViewData.ModelState.TryGetValue(f.Name, out var entry) && entry.Errors.Count > 0)
        {
            var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
            var errorId = ErrorId(f.Name);
            output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(describedBy) ? errorId : $"{errorId} {describedBy}");
            output.Attributes.SetAttribute("aria-invalid", "true");
        }
    }
}
