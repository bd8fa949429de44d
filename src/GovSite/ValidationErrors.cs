namespace GovSite;

/// <summary>
/// Field-level problems with Chinese messages a person can act on. Forms show each message
/// beside its field; the API returns them as a ValidationProblem.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.OrdinalIgnoreCase);

    public bool IsValid => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase);

    public IEnumerable<KeyValuePair<string, List<string>>> All => _errors;

    /// <summary>
    /// Puts each message into a form's ModelState under the form's field name
    /// (<paramref name="prefix"/>.Field, or a name from <paramref name="renamed"/>), so it shows beside its field.
    /// </summary>
    public void CopyTo(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string prefix,
        IReadOnlyDictionary<string, string>? renamed = null)
    {
        foreach (var (field, messages) in _errors)
        {
            var key = renamed is not null && renamed.TryGetValue(field, out var name) ? name : $"{prefix}.{field}";
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }
}

/// <summary>The outcome of a write: the saved value, or why it was refused.</summary>
public sealed record SaveResult<T>(T? Value, ValidationErrors Errors, bool Forbidden = false, bool NotFound = false)
    where T : class
{
    public bool Succeeded => Value is not null && Errors.IsValid && !Forbidden && !NotFound;

    public static SaveResult<T> Ok(T value) => new(value, new ValidationErrors());

    public static SaveResult<T> Invalid(ValidationErrors errors) => new(null, errors);

    public static SaveResult<T> Denied() => new(null, new ValidationErrors(), Forbidden: true);

    public static SaveResult<T> Missing() => new(null, new ValidationErrors(), NotFound: true);
}
