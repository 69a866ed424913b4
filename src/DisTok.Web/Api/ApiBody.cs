namespace DisTok.Web.Api;

/// <summary>Request bodies read with a size limit.</summary>
internal static class ApiBody
{
    /// <summary>The body, refused with <paramref name="tooLarge"/>(stated length or null) once it passes <paramref name="maxBytes"/> (read no further).</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, long maxBytes, Func<long?, Exception> tooLarge, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) throw tooLarge(request.ContentLength.Value);
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        for (int n; (n = await request.Body.ReadAsync(chunk, ct)) > 0;)
        {
            if (buffer.Length + n > maxBytes) throw tooLarge(null);
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }
}
