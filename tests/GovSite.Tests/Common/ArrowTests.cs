using System.Reflection;
using System.Reflection.Emit;

namespace GovSite.Tests.Common;

/// <summary>
/// The arrows between features that must not exist (issue 22): the kernel (Common/, Rules/) and the
/// features below the back office do not reach into it, and the checker behind `govsite check`
/// reads the national rules, not the CMS. Read from the compiled assembly: signatures, base types
/// and every type, method and field a method body touches.
/// </summary>
public sealed class ArrowTests
{
    [Theory]
    // Feature code outside its own Admin/ folder never needs the back office's shell.
    [InlineData("GovSite.Accounts", "GovSite.Admin")]
    [InlineData("GovSite.Monitoring", "GovSite.Admin")]
    [InlineData("GovSite.PublicSite", "GovSite.Admin")]
    [InlineData("GovSite.Search", "GovSite.Admin")]
    [InlineData("GovSite.Sites", "GovSite.Admin")]
    // Accounts and the checker (not its platform, which follows the CMS's articles) stand without the CMS.
    [InlineData("GovSite.Accounts", "GovSite.Publishing")]
    [InlineData("GovSite.Monitoring", "GovSite.Publishing")]
    // The shared kernel stands on nothing of the features'.
    [InlineData("GovSite.Rules", "GovSite.Publishing")]
    [InlineData("GovSite.Rules", "GovSite.Monitoring")]
    [InlineData("GovSite.Rules", "GovSite.Admin")]
    [InlineData("GovSite.Rules", "GovSite.Services")]
    [InlineData("GovSite.Common", "GovSite.Admin")]
    public void A_feature_does_not_reach_where_it_must_not(string from, string to)
    {
        var arrows = References(from).Where(r => InNamespace(r.To, to)).Select(r => $"{r.From.FullName} → {r.To.FullName}").Distinct().ToList();
        arrows.ShouldBeEmpty($"{from} must not use {to}");
    }

    [Fact]
    public void The_scanner_sees_an_arrow_that_exists()
    {
        // Without this, an empty scan would pass every theory above.
        References("GovSite.Publishing").ShouldContain(r => r.To == typeof(GovSite.Rules.SeriousErrors));
        References("GovSite.Monitoring").ShouldContain(r => r.To == typeof(GovSite.Rules.ColumnTypes));
    }

    private static bool InNamespace(Type type, string ns) =>
        type.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal));

    /// <summary>Types of the namespace (its Admin/ back-office pages and, for Monitoring, its platform aside).</summary>
    private static IEnumerable<(Type From, Type To)> References(string ns)
    {
        var types = typeof(GovSiteApp).Assembly.GetTypes().Where(t => InNamespace(t, ns)
            && !InNamespace(t, ns + ".Admin") && !t.Namespace!.EndsWith(".Admin", StringComparison.Ordinal)
            && !t.Namespace.Contains(".Admin.", StringComparison.Ordinal)
            && !(ns == "GovSite.Monitoring" && InNamespace(t, "GovSite.Monitoring.Platform")));
        foreach (var type in types)
        {
            foreach (var to in Referenced(type).Where(t => t is not null).Select(t => t!))
            {
                yield return (type, to);
            }
        }
    }

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type?> Referenced(Type type)
    {
        yield return type.BaseType;
        foreach (var i in type.GetInterfaces()) yield return i;
        foreach (var f in type.GetFields(Everything)) yield return f.FieldType;
        foreach (var p in type.GetProperties(Everything)) yield return p.PropertyType;
        foreach (var m in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (m is MethodInfo mi) yield return mi.ReturnType;
            foreach (var p in m.GetParameters()) yield return p.ParameterType;
            foreach (var t in BodyReferences(m)) yield return t;
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The declaring types of what a method body calls, creates, reads or names (tokens of call, newobj, ldfld, ldtoken …).</summary>
    private static IEnumerable<Type?> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var module = method.Module;
        var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = (short)il[i++];
            if (value == 0xFE) value = (short)(0xFE00 | il[i++]);
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    MemberInfo? member = null;
                    try { member = module.ResolveMember(token, typeArgs, methodArgs); } catch (ArgumentException) { } catch (BadImageFormatException) { }
                    yield return member as Type ?? member?.DeclaringType;
                    if (member is FieldInfo field) yield return field.FieldType;
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }
}
