namespace Hotline.Web.Security;

/// <summary>
/// Checks an uploaded file before it is parsed (roster imports): the extension is one of the allowed ones, the size is
/// within the limit, and the first bytes match the type (an .xlsx is a zip; a .csv is text). Messages in Chinese.
/// </summary>
public static class UploadCheck
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <param name="fileName">The name the browser sent (only its extension is used).</param>
    /// <param name="length">The file's size in bytes.</param>
    /// <param name="head">The first bytes of the file (4 KiB is plenty).</param>
    /// <param name="maxBytes">The largest size accepted.</param>
    /// <param name="allowedExtensions">For example ".xlsx", ".csv".</param>
    /// <returns>The reasons the file is refused; empty when it may be read.</returns>
    public static IReadOnlyList<string> Check(string? fileName, long length, ReadOnlySpan<byte> head, long maxBytes, IReadOnlyCollection<string> allowedExtensions)
    {
        var problems = new List<string>();
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (!allowedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"只接受 {string.Join("、", allowedExtensions)} 文件");
            return problems;
        }

        if (length <= 0)
        {
            problems.Add("文件为空");
            return problems;
        }

        if (length > maxBytes)
        {
            problems.Add($"文件过大（{length / 1024.0 / 1024.0:0.#} MB），上限 {maxBytes / 1024.0 / 1024.0:0.#} MB");
        }

        var contentMatches = extension switch
        {
            ".xlsx" or ".zip" => head.StartsWith(ZipMagic),
            ".csv" or ".txt" => LooksLikeText(head),
            _ => true,
        };
        if (!contentMatches)
        {
            problems.Add($"文件内容与扩展名 {extension} 不符");
        }

        return problems;
    }

    /// <summary>Text has no NUL bytes and no other control characters but tab, CR and LF.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D))
            {
                return false;
            }
        }

        return true;
    }
}
