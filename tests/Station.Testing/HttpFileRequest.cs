namespace Station.Testing;

/// <summary>One request the <see cref="HttpFileServer"/> received.</summary>
/// <param name="Method">GET, PUT or POST.</param>
/// <param name="Path">The request path, e.g. <c>/firmware/fw.bin</c>.</param>
/// <param name="Body">The uploaded file (PUT body, or the multipart file of a POST); empty for GET.</param>
/// <param name="FileName">The file name the uploader gave (Content-Disposition or multipart), if any.</param>
/// <param name="At">When it arrived, by the server's clock (virtual time in station tests).</param>
/// <param name="Authorization">The Authorization header, if any.</param>
public sealed record HttpFileRequest(string Method, string Path, byte[] Body, string? FileName, DateTimeOffset At, string? Authorization);
