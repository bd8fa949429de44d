using GovSite.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace GovSite.Admin;

/// <summary>The back office at /admin: Razor Pages in this folder, Chinese throughout.</summary>
public static class AdminSetup
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<UserService>();
        builder.Services.Configure<MvcOptions>(o =>
        {
            // The services own validation and speak Chinese; the implicit [Required] on
            // non-nullable strings would only add English duplicates of their messages.
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            var m = o.ModelBindingMessageProvider;
            m.SetValueIsInvalidAccessor(v => $"“{v}”不是有效的值");
            m.SetAttemptedValueIsInvalidAccessor((v, _) => $"“{v}”不是有效的值");
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"“{v}”不是有效的值");
            m.SetUnknownValueIsInvalidAccessor(_ => "填写的值无效");
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效");
            m.SetValueMustNotBeNullAccessor(_ => "此项不能为空");
            m.SetMissingBindRequiredValueAccessor(_ => "缺少此项");
            m.SetMissingKeyOrValueAccessor(() => "缺少此项");
            m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容为空");
            m.SetValueMustBeANumberAccessor(_ => "请填写数字");
            m.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字");
        });
        return builder;
    }

    /// <summary>The pages map themselves through MapRazorPages; nothing else to map yet.</summary>
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app) => app;
}
