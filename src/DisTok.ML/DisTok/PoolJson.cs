using System.Text.Json;

namespace DisTok.ML.DisTok;

/// <summary>JSON settings of pool.json (camelCase, compact).</summary>
static class PoolJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
