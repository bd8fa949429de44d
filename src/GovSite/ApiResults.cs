using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovSite;

/// <summary>Turns a <see cref="SaveResult{T}"/> into the API's typed results.</summary>
public static class ApiResults
{
    public static Results<Ok<TOut>, ValidationProblem, NotFound, ForbidHttpResult> From<T, TOut>(SaveResult<T> result, Func<T, TOut> map)
        where T : class
    {
        if (result.NotFound)
        {
            return TypedResults.NotFound();
        }
        if (result.Forbidden)
        {
            return TypedResults.Forbid();
        }
        if (!result.Errors.IsValid)
        {
            // Field names as the JSON client wrote them (camelCase), not as C# spells them.
            var errors = result.Errors.ToDictionary().ToDictionary(kv => JsonNamingPolicy.CamelCase.ConvertName(kv.Key), kv => kv.Value);
            return TypedResults.ValidationProblem(errors, title: "提交的内容有误", detail: "请根据各字段的提示修改后重试");
        }
        return TypedResults.Ok(map(result.Value!));
    }

    public static int ClampPageSize(int? pageSize) => Math.Clamp(pageSize ?? 20, 1, 100);

    public static int ClampPage(int? page) => Math.Max(page ?? 1, 1);
}

public sealed record Paged<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items);
