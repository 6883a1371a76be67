using System.Text.Json.Serialization.Metadata;
using Ocpp16.Messages;

namespace Ocpp16.Json;

/// <summary>
/// The structure of a payload object, derived once from the source-generated JSON contract so
/// that the structural rules of the schema (closed objects, required fields, JSON types) are
/// checked without a hand-written validator per message.
/// </summary>
internal sealed class ObjectShape
{
    private ObjectShape(string typeName) => TypeName = typeName;

    public string TypeName { get; }

    public PropertyShape[] Properties { get; private set; } = [];

    public ulong RequiredMask { get; private set; }

    public PropertyShape? Find(ReadOnlySpan<byte> utf8Name)
    {
        foreach (var property in Properties)
        {
            if (utf8Name.SequenceEqual(property.Utf8Name))
            {
                return property;
            }
        }

        return null;
    }

    public static ObjectShape For(JsonTypeInfo typeInfo) => Build(typeInfo, new Dictionary<Type, ObjectShape>());

    private static ObjectShape Build(JsonTypeInfo typeInfo, Dictionary<Type, ObjectShape> built)
    {
        if (built.TryGetValue(typeInfo.Type, out var existing))
        {
            return existing;
        }

        var shape = new ObjectShape(typeInfo.Type.Name);
        built.Add(typeInfo.Type, shape);
        if (typeInfo.Properties.Count > 64)
        {
            throw new InvalidOperationException($"{typeInfo.Type.Name} has more properties than the required-field mask holds");
        }

        var properties = new PropertyShape[typeInfo.Properties.Count];
        ulong requiredMask = 0;
        for (var i = 0; i < properties.Length; i++)
        {
            var property = typeInfo.Properties[i];
            properties[i] = new PropertyShape(property.Name, ValueFor(property.PropertyType, typeInfo, built), i, property.IsRequired);
            if (property.IsRequired)
            {
                requiredMask |= properties[i].Bit;
            }
        }

        shape.Properties = properties;
        shape.RequiredMask = requiredMask;
        return shape;
    }

    private static ValueShape ValueFor(Type type, JsonTypeInfo owner, Dictionary<Type, ObjectShape> built)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(DateTimeOffset))
        {
            return new ValueShape(ValueKind.String, isDateTime: true);
        }

        if (type == typeof(string) || type == typeof(Uri) || type.IsEnum)
        {
            return new ValueShape(ValueKind.String);
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return new ValueShape(ValueKind.Integer);
        }

        if (type == typeof(decimal) || type == typeof(double))
        {
            return new ValueShape(ValueKind.Number);
        }

        if (type == typeof(bool))
        {
            return new ValueShape(ValueKind.Boolean);
        }

        var typeInfo = owner.Options.GetTypeInfo(type);
        return typeInfo.Kind switch
        {
            JsonTypeInfoKind.Enumerable => new ValueShape(ValueKind.Array, element: ValueFor(typeInfo.ElementType!, owner, built)),
            JsonTypeInfoKind.Object when typeof(IOcppMessage).IsAssignableFrom(type) || type.Namespace == typeof(IOcppMessage).Namespace =>
                new ValueShape(ValueKind.Object, Build(typeInfo, built)),
            _ => throw new InvalidOperationException($"no payload shape for {type.Name} in {owner.Type.Name}"),
        };
    }
}
