using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DisTok.Data.Storage;

/// <summary>Stores a <see cref="DateTimeOffset"/> as its UTC ticks (an INTEGER), so SQLite orders and compares times
/// correctly and nothing below a tick is lost. Read back with offset zero (the same instant).</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
