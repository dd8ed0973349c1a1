using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProgramTracker.Api.Money;

/// <summary>
/// Amounts, rates and indices travel as JSON numbers read and written as .NET decimals, never binary floating point.
/// The contract says so with the format "decimal" (which generators such as NSwag map to decimal types), instead of
/// the "double" an unannotated decimal gets.
/// </summary>
public static class MoneyContract
{
    public const string Description = "An exact decimal number (JSON number, read as a decimal, never a binary float).";

    public static Task DescribeDecimal(OpenApiSchema schema, OpenApiSchemaTransformerContext context)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type != typeof(decimal)) return Task.CompletedTask;
        schema.Format = "decimal";
        schema.Description ??= Description;
        return Task.CompletedTask;
    }
}
