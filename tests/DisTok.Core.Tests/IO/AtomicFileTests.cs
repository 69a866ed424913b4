using DisTok.Core.IO;

namespace DisTok.Core.Tests.IO;

/// <summary>The one atomic-write helper: the whole new content or the old one, never a half file or a stray temp file.</summary>
public class AtomicFileTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("distok-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    string PathOf(string name) => Path.Combine(_dir, name);

    [Fact]
    public void Each_writer_leaves_exactly_the_new_content_and_no_temp_file()
    {
        AtomicFile.WriteAllText(PathOf("a.txt"), "héllo");
        AtomicFile.WriteAllBytes(PathOf("b.bin"), [1, 2, 3]);
        AtomicFile.Write(PathOf("c.bin"), s => s.Write([4, 5]));
        AtomicFile.WriteFile(PathOf("d.bin"), tmp => File.WriteAllBytes(tmp, [6]));
        AtomicFile.WriteAllText(PathOf("a.txt"), "again");

        Assert.Equal("again", File.ReadAllText(PathOf("a.txt")));
        AtomicFile.WriteAllText(PathOf("e.txt"), "hé");   // UTF-8, no byte-order mark
        Assert.Equal(new byte[] { 0x68, 0xC3, 0xA9 }, File.ReadAllBytes(PathOf("e.txt")));
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(PathOf("b.bin")));
        Assert.Equal(new byte[] { 4, 5 }, File.ReadAllBytes(PathOf("c.bin")));
        Assert.Equal(new byte[] { 6 }, File.ReadAllBytes(PathOf("d.bin")));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_writer_that_fails_half_way_leaves_the_old_file_whole_and_no_temp_file()
    {
        AtomicFile.WriteAllText(PathOf("keep.txt"), "old content");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(PathOf("keep.txt"), s =>
        {
            s.Write("new con"u8);
            throw new InvalidOperationException("disk gone");
        }));
        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteFile(PathOf("keep.txt"), tmp =>
        {
            File.WriteAllText(tmp, "half");
            throw new InvalidOperationException("killed");
        }));
        Assert.Equal("old content", File.ReadAllText(PathOf("keep.txt")));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Missing_folders_are_created()
    {
        AtomicFile.WriteAllText(PathOf(Path.Combine("x", "y", "z.json")), "{}");
        Assert.Equal("{}", File.ReadAllText(PathOf(Path.Combine("x", "y", "z.json"))));
    }
}
