using System.Text;

namespace Ocpp16.Json;

/// <summary>One property of an object: wire name, value shape and whether it must be present.</summary>
internal sealed class PropertyShape(string name, ValueShape value, int index, bool required)
{
    public string Name { get; } = name;

    public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(name);

    public ValueShape Value { get; } = value;

    public ulong Bit { get; } = 1UL << index;

    public bool Required { get; } = required;
}
