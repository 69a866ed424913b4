using System.Text;

namespace DisTok.ML.Tests.Build;

/// <summary>The GLIBCXX version-need patch on a hand-built ELF64 file.</summary>
public class ElfVersionNeedTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("elf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// ELF64 header, a string table and a .gnu.version_r section with one Verneed (libstdc++.so.6)
    /// holding two Vernaux entries: GLIBCXX_3.4.32 then GLIBCXX_3.4.30.
    /// </summary>
    static byte[] TinyElf(string first = "GLIBCXX_3.4.32", ushort firstFlags = 0)
    {
        var strtab = Encoding.ASCII.GetBytes($"\0libstdc++.so.6\0{first}\0GLIBCXX_3.4.30\0");
        int nameLib = 1, nameFirst = 16, nameSecond = 16 + first.Length + 1;
        const int strOff = 64, verOff = 128, shOff = 192;
        var b = new byte[shOff + 3 * 64];
        b[0] = 0x7f; b[1] = (byte)'E'; b[2] = (byte)'L'; b[3] = (byte)'F'; b[4] = 2; b[5] = 1; b[6] = 1;
        W64(b, 0x28, shOff); W16(b, 0x3A, 64); W16(b, 0x3C, 3);
        strtab.CopyTo(b, strOff);
        // Elf64_Verneed at verOff, then two Elf64_Vernaux of 16 bytes each
        W16(b, verOff, 1); W16(b, verOff + 2, 2); W32(b, verOff + 4, nameLib); W32(b, verOff + 8, 16); W32(b, verOff + 12, 0);
        int a1 = verOff + 16, a2 = verOff + 32;
        W16(b, a1 + 4, firstFlags); W16(b, a1 + 6, 2); W32(b, a1 + 8, nameFirst); W32(b, a1 + 12, 16);
        W16(b, a2 + 4, 0); W16(b, a2 + 6, 3); W32(b, a2 + 8, nameSecond); W32(b, a2 + 12, 0);
        // section 1: string table; section 2: version needs (type SHT_GNU_verneed, link → 1, info = 1 entry)
        int s1 = shOff + 64, s2 = shOff + 128;
        W32(b, s1 + 4, 3); W64(b, s1 + 0x18, strOff); W64(b, s1 + 0x20, strtab.Length);
        W32(b, s2 + 4, 0x6ffffffe); W64(b, s2 + 0x18, verOff); W64(b, s2 + 0x20, 32); W32(b, s2 + 0x28, 1); W32(b, s2 + 0x2C, 1);
        return b;
    }

    static void W16(byte[] b, int at, int v) => BitConverter.GetBytes((ushort)v).CopyTo(b, at);
    static void W32(byte[] b, int at, int v) => BitConverter.GetBytes((uint)v).CopyTo(b, at);
    static void W64(byte[] b, int at, long v) => BitConverter.GetBytes(v).CopyTo(b, at);

    string Write(byte[] bytes) { var p = Path.Combine(_dir, Guid.NewGuid() + ".so"); File.WriteAllBytes(p, bytes); return p; }

    [Fact]
    public void Finds_the_flags_field_of_the_named_version_only()
    {
        var offsets = ElfVersionNeed.FindVernauxFlags(TinyElf(), "GLIBCXX_3.4.32");
        Assert.Equal([128 + 16 + 4], offsets);
    }

    [Fact]
    public void Marks_the_version_weak_and_leaves_the_other_entry_alone()
    {
        var path = Write(TinyElf());
        Assert.Equal(PatchResult.Patched, ElfVersionNeed.MarkWeak(path, "GLIBCXX_3.4.32"));
        var after = File.ReadAllBytes(path);
        Assert.Equal(0x2, BitConverter.ToUInt16(after, 128 + 16 + 4));
        Assert.Equal(0x0, BitConverter.ToUInt16(after, 128 + 32 + 4));
        var expected = TinyElf(firstFlags: 0x2);
        Assert.Equal(expected, after); // nothing else changed
    }

    [Fact]
    public void Patching_twice_changes_nothing()
    {
        var path = Write(TinyElf());
        ElfVersionNeed.MarkWeak(path, "GLIBCXX_3.4.32");
        var once = File.ReadAllBytes(path);
        Assert.Equal(PatchResult.AlreadyWeak, ElfVersionNeed.MarkWeak(path, "GLIBCXX_3.4.32"));
        Assert.Equal(once, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_library_without_that_requirement_is_left_untouched()
    {
        var original = TinyElf(first: "GLIBCXX_3.4.29");
        var path = Write(original);
        Assert.Equal(PatchResult.NotRequired, ElfVersionNeed.MarkWeak(path, "GLIBCXX_3.4.32"));
        Assert.Equal(original, File.ReadAllBytes(path));
    }

    [Fact]
    public void Rejects_a_file_that_is_not_elf()
    {
        var path = Write(Encoding.ASCII.GetBytes(new string('x', 100)));
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionNeed.MarkWeak(path, "GLIBCXX_3.4.32"));
        Assert.Contains("not an ELF file", e.Message);
    }

    [Fact]
    public void Host_check_reads_the_version_strings_of_libstdcxx()
    {
        var with = Write(Encoding.ASCII.GetBytes("junk\0GLIBCXX_3.4.30\0GLIBCXX_3.4.32\0junk"));
        var without = Write(Encoding.ASCII.GetBytes("junk\0GLIBCXX_3.4.30\0GLIBCXX_3.4.320\0"));
        Assert.True(ElfVersionNeed.HostProvides("GLIBCXX_3.4.32", [with]));
        Assert.False(ElfVersionNeed.HostProvides("GLIBCXX_3.4.32", [without]));
        Assert.False(ElfVersionNeed.HostProvides("GLIBCXX_3.4.32", [Path.Combine(_dir, "missing.so")]));
    }
}
