using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;

namespace GovSite;

/// <summary>
/// A request the endpoint could not even bind (malformed JSON, a wrong type, an unknown enum
/// value, a missing body or parameter), answered as a ValidationProblem that names the field as
/// the client wrote it and says in Chinese what it expects, e.g.
/// <c>channel：应为 leaderMailbox、consultation、complaint 或 suggestion 之一</c>.
/// The endpoint's own types say what was expected: the body's type for a JSON path, the
/// handler's parameter for a query or route value.
/// </summary>
public static partial class BindingErrors
{
    public const string BodyField = "body";

    /// <summary>The field and message for a binding failure, or null when it is none we know.</summary>
    public static (string Field, string Message)? Describe(HttpContext context, BadHttpRequestException exception)
    {
        var endpoint = context.GetEndpoint();
        if (exception.InnerException is JsonException json)
        {
            var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            return DescribeJson(json, bodyType);
        }
        var message = exception.Message;
        if (BindFailure().Match(message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            var type = ParameterType(endpoint, name);
            return (name, $"{name}：{Expected(type)}");
        }
        if (MissingParameter().Match(message) is { Success: true } missing)
        {
            var name = missing.Groups["name"].Value;
            var source = missing.Groups["source"].Value;
            return source.Contains("body", StringComparison.OrdinalIgnoreCase)
                ? (BodyField, "请求体：缺少 JSON 内容（Content-Type: application/json）")
                : (name, $"{name}：必填");
        }
        if (message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase))
        {
            return (BodyField, "请求体：缺少 JSON 内容（Content-Type: application/json）");
        }
        if (message.Contains("JSON", StringComparison.OrdinalIgnoreCase) || message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return (BodyField, "请求体：不是有效的 JSON");
        }
        return null;
    }

    /// <summary>
    /// Enum values in the query string and route as documented: minimal APIs parse them with
    /// Enum.TryParse, which wants C#'s spelling (Draft) and takes any number. Each enum parameter's
    /// value is matched by name in any case and rewritten to that spelling before binding; a value
    /// that names nothing (a number included) is the field's problem.
    /// </summary>
    public static (string Field, string Message)? NormalizeEnums(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is not { } method)
        {
            return null;
        }
        var parameters = EnumParameters.GetOrAdd(method, static m => [.. m.GetParameters()
            .Where(p => p.Name is not null && (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType).IsEnum
                && p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromBodyAttribute>() is null)
            .Select(p => (p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>()?.Name ?? p.Name!,
                Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))]);
        foreach (var (name, type) in parameters)
        {
            if (context.Request.RouteValues.TryGetValue(name, out var routeValue) && routeValue is string fromRoute)
            {
                if (Canonical(type, fromRoute) is not { } canonical)
                {
                    return (name, $"{name}：{Expected(type)}");
                }
                context.Request.RouteValues[name] = canonical;
                continue;
            }
            var query = context.Request.Query;
            var key = query.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (key is null || query[key].All(string.IsNullOrEmpty))
            {
                continue;
            }
            var values = new List<string>();
            foreach (var value in query[key])
            {
                if (Canonical(type, value ?? "") is not { } canonical)
                {
                    return (name, $"{name}：{Expected(type)}");
                }
                values.Add(canonical);
            }
            var rewritten = query.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
            rewritten[key] = new Microsoft.Extensions.Primitives.StringValues([.. values]);
            context.Request.Query = new QueryCollection(rewritten);
        }
        return null;
    }

    private static string? Canonical(Type type, string value) =>
        Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MethodInfo, (string Name, Type Type)[]> EnumParameters = new();

    private static (string Field, string Message) DescribeJson(JsonException json, Type? bodyType)
    {
        var path = json.Path ?? "$";
        if (json.Message.Contains("missing required properties", StringComparison.OrdinalIgnoreCase)
            && RequiredProperties().Match(json.Message) is { Success: true } required)
        {
            var names = required.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim('\'')).ToList();
            var field = names.Count > 0 ? names[0] : BodyField;
            return (field, $"{string.Join("、", names)}：必填");
        }
        if (json.Message.StartsWith(NoNulStrings.Message, StringComparison.Ordinal))
        {
            var (nulField, _) = Resolve(path, bodyType);
            var name = nulField.Length == 0 ? BodyField : nulField;
            return (name, $"{name}：含有不可见的空字符（\\0），请删除后重试");
        }
        if (!json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            // A syntax error (truncated, not JSON at all): where it is, not what a field wants.
            return (BodyField, json.LineNumber is { } line && json.BytePositionInLine is { } column
                ? $"请求体：不是有效的 JSON（第 {line + 1} 行第 {column + 1} 个字节附近）"
                : "请求体：不是有效的 JSON");
        }
        var (fieldName, type) = Resolve(path, bodyType);
        if (fieldName.Length == 0)
        {
            return (BodyField, bodyType is null || json.Path is null
                ? "请求体：不是有效的 JSON"
                : $"请求体：{Expected(bodyType)}");
        }
        return (fieldName, $"{fieldName}：{(type is null ? "格式不正确" : Expected(type))}");
    }

    /// <summary>Walks a JSON path ($.a.b[0].c) over the body's type: the field as written, and the type it maps to.</summary>
    internal static (string Field, Type? Type) Resolve(string path, Type? root)
    {
        var segments = PathSegment().Matches(path).Select(m => m.Value).ToList();
        var type = root;
        var field = "";
        foreach (var segment in segments)
        {
            if (segment.StartsWith('[') && !segment.StartsWith("['", StringComparison.Ordinal))
            {
                field += segment;
                type = type is null ? null : ElementType(type);
                continue;
            }
            var name = segment.TrimStart('.').Trim('[', ']', '\'');
            field = field.Length == 0 ? name : $"{field}.{name}";
            var property = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            type = property?.PropertyType;
        }
        return (field, type);
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        return type.IsGenericType ? type.GetGenericArguments().LastOrDefault() : null;
    }

    private static Type? ParameterType(Endpoint? endpoint, string name) =>
        endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters()
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.ParameterType;

    /// <summary>What a value of the type looks like, in Chinese, with an enum's values as the API writes them.</summary>
    public static string Expected(Type? type)
    {
        if (type is null)
        {
            return "格式不正确";
        }
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            var values = Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName).ToArray();
            return values.Length == 1 ? $"应为 {values[0]}" : $"应为 {string.Join("、", values[..^1])} 或 {values[^1]} 之一";
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte))
        {
            return "应为整数";
        }
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            return "应为数字";
        }
        if (type == typeof(bool))
        {
            return "应为 true 或 false";
        }
        if (type == typeof(DateOnly))
        {
            return "应为日期，如 2026-01-31";
        }
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return "应为日期时间（ISO 8601），如 2026-01-31T09:00:00+08:00";
        }
        if (type == typeof(TimeOnly))
        {
            return "应为时间，如 09:30";
        }
        if (type == typeof(Guid))
        {
            return "应为 GUID";
        }
        if (type == typeof(string))
        {
            return "应为文本（字符串）";
        }
        if (type.IsArray || (type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)))
        {
            return $"应为数组（每项{Expected(ElementType(type)).Replace("应为", "", StringComparison.Ordinal)}）";
        }
        return "应为 JSON 对象";
    }

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^"]*?)\s(?<name>\w+)" from""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""Required parameter "(?<type>[^"]*?)\s(?<name>\w+)" was not provided from (?<source>[\w\s]+)""")]
    private static partial Regex MissingParameter();

    [GeneratedRegex("""including: (?<names>.+?)\.?$""")]
    private static partial Regex RequiredProperties();

    [GeneratedRegex(@"\.[^.\[]+|\['[^']*'\]|\[\d+\]")]
    private static partial Regex PathSegment();
}

/// <summary>
/// Strings of a JSON body may not hold a NUL character: nobody types one, PostgreSQL cannot
/// store one in text (the request would fail at the database with a 500), and SQLite would keep
/// it silently. Refused while the body is read, so the answer names the field (BindingErrors).
/// </summary>
public sealed class NoNulStrings : JsonConverter<string>
{
    public const string Message = "A string holds a NUL character";

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is not null && value.Contains('\0', StringComparison.Ordinal) ? throw new JsonException(Message) : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
