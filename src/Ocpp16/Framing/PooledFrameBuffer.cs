using System.Buffers;

namespace Ocpp16.Framing;

/// <summary>
/// A buffer for one outgoing frame, rented from <see cref="ArrayPool{T}.Shared"/> while the frame
/// is written and sent and returned by <see cref="Release"/>: an idle connection holds no send
/// buffer (thousands of stations per process would otherwise keep a few KB each for nothing).
/// </summary>
internal sealed class PooledFrameBuffer : IBufferWriter<byte>
{
    private const int MinimumBytes = 512;

    private byte[] _array = [];
    private int _written;

    /// <summary>What was written since the last <see cref="Release"/>.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _written);

    /// <inheritdoc/>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_written + count > _array.Length)
        {
            throw new InvalidOperationException("advanced past the end of the buffer");
        }

        _written += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        // Reserve first: it may replace the array.
        var offset = Reserve(sizeHint);
        return _array.AsMemory(offset);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var offset = Reserve(sizeHint);
        return _array.AsSpan(offset);
    }

    /// <summary>Returns the array to the pool and forgets what was written.</summary>
    public void Release()
    {
        var array = _array;
        _array = [];
        _written = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    // Makes room for at least sizeHint bytes (one when 0) after what was written; returns the offset of that room.
    private int Reserve(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed > _array.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(MinimumBytes, _array.Length * 2)));
            _array.AsSpan(0, _written).CopyTo(larger);
            if (_array.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_array);
            }

            _array = larger;
        }

        return _written;
    }
}
