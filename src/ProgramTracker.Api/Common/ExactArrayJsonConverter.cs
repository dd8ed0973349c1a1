using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProgramTracker.Api.Common;

/// <summary>
/// Reads a JSON array into an array of exactly its length, and writes it as System.Text.Json writes any list. Left to
/// itself System.Text.Json reads an <see cref="IReadOnlyList{T}"/> member into a <see cref="List{T}"/> grown by doubling
/// from 4, so a stored list of 10 left three arrays behind; on the portfolio's stored lines (a list of open milestone
/// ids and one of due days per workstream, read for every line of every page) those arrays were a quarter of what a
/// page allocated (README, Performance, tenth round). The elements are read and written by the options' own converter
/// for <typeparamref name="T"/>, so the JSON is the same either way.
/// </summary>
public sealed class ExactArrayJsonConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException($"Expected an array, not {reader.TokenType}.");
        var element = (JsonConverter<T>)options.GetConverter(typeof(T));
        var buffer = ArrayPool<T>.Shared.Rent(16);
        var count = 0;
        try
        {
            while (true)
            {
                if (!reader.Read()) throw new JsonException("The array ends early.");
                if (reader.TokenType == JsonTokenType.EndArray) break;
                if (count == buffer.Length)
                {
                    var larger = ArrayPool<T>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<T>.Shared.Return(buffer, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
                    buffer = larger;
                }
                buffer[count++] = element.Read(ref reader, typeof(T), options)!;
            }
            return count == 0 ? [] : buffer.AsSpan(0, count).ToArray();
        }
        finally
        {
            ArrayPool<T>.Shared.Return(buffer, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        var element = (JsonConverter<T>)options.GetConverter(typeof(T));
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++) element.Write(writer, value[i], options);
        writer.WriteEndArray();
    }
}
