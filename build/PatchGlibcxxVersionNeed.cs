// MSBuild task (compiled by RoslynCodeTaskFactory, see TorchSharpNativeFix.targets) and its tested core.
//
// Why: TorchSharp 0.107's libLibTorchSharp.so asks for GLIBCXX_3.4.32 (GCC 13) for one symbol,
// std::ios_base_library_init, that nothing calls. Debian 12's libstdc++ stops at GLIBCXX_3.4.30, so
// the loader refuses the library. Marking that version requirement weak (VER_FLG_WEAK) in the
// library's .gnu.version_r section turns the refusal into a warning. We only patch when the host's
// libstdc++ lacks the version, and patching twice changes nothing.
#nullable enable
using System;
using System.IO;
using System.Text;
#if !ELF_VERSION_NEED_ONLY // the test project compiles only ElfVersionNeed below
using Microsoft.Build.Framework;

public sealed class PatchGlibcxxVersionNeed : Microsoft.Build.Utilities.Task
{
    /// <summary>The native libraries to patch (normally one libLibTorchSharp.so).</summary>
    [Required] public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The version requirement to weaken. Defaults to GLIBCXX_3.4.32.</summary>
    public string Version { get; set; } = ElfVersionNeed.DefaultVersion;

    public override bool Execute()
    {
        if (ElfVersionNeed.HostProvides(Version))
        {
            Log.LogMessage(MessageImportance.Low, $"Host libstdc++ provides {Version}; nothing to patch.");
            return true;
        }
        foreach (var item in Libraries)
        {
            var result = ElfVersionNeed.MarkWeak(item.ItemSpec, Version);
            Log.LogMessage(MessageImportance.Normal, $"{Path.GetFileName(item.ItemSpec)}: {result}");
        }
        return !Log.HasLoggedErrors;
    }
}

#endif

public enum PatchResult { Patched, AlreadyWeak, NotRequired }

/// <summary>Reads and edits the version-needed entries (Elf64_Verneed / Elf64_Vernaux) of an ELF64 file.</summary>
public static class ElfVersionNeed
{
    public const string DefaultVersion = "GLIBCXX_3.4.32";
    const uint ShtGnuVerneed = 0x6ffffffe;
    const ushort VerFlgWeak = 0x2;

    static readonly string[] HostLibStdCxx =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
    };

    /// <summary>True when a libstdc++ on this host defines the given symbol version.</summary>
    public static bool HostProvides(string version, string[]? candidates = null)
    {
        foreach (var path in candidates ?? HostLibStdCxx)
            if (File.Exists(path) && Contains(File.ReadAllBytes(path), Encoding.ASCII.GetBytes(version + "\0")))
                return true;
        return false;
    }

    /// <summary>Sets VER_FLG_WEAK on every Vernaux entry named <paramref name="version"/>. Idempotent.</summary>
    public static PatchResult MarkWeak(string path, string version)
    {
        var elf = File.ReadAllBytes(path);
        var offsets = FindVernauxFlags(elf, version);
        if (offsets.Length == 0) return PatchResult.NotRequired;
        bool changed = false;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            foreach (var off in offsets)
            {
                var flags = BitConverter.ToUInt16(elf, off);
                if ((flags & VerFlgWeak) != 0) continue;
                file.Position = off; // two bytes written in place: the file is never half-copied
                file.Write(BitConverter.GetBytes((ushort)(flags | VerFlgWeak)), 0, 2);
                changed = true;
            }
        }
        return changed ? PatchResult.Patched : PatchResult.AlreadyWeak;
    }

    /// <summary>Byte offsets of the vna_flags fields whose vna_name equals <paramref name="version"/>.</summary>
    public static int[] FindVernauxFlags(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1) throw new InvalidDataException("only little-endian ELF64 is supported");

        long shoff = BitConverter.ToInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A), shnum = BitConverter.ToUInt16(elf, 0x3C);
        var found = new System.Collections.Generic.List<int>();
        for (int i = 0; i < shnum; i++)
        {
            int sh = checked((int)(shoff + (long)i * shentsize));
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed) continue;
            int secOff = checked((int)BitConverter.ToInt64(elf, sh + 0x18));
            int link = (int)BitConverter.ToUInt32(elf, sh + 0x28), count = (int)BitConverter.ToUInt32(elf, sh + 0x2C);
            int strOff = checked((int)BitConverter.ToInt64(elf, checked((int)(shoff + (long)link * shentsize)) + 0x18));

            int vn = secOff;
            for (int n = 0; n < count; n++)
            {
                // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32
                int cnt = BitConverter.ToUInt16(elf, vn + 2);
                int aux = vn + (int)BitConverter.ToUInt32(elf, vn + 8);
                for (int a = 0; a < cnt; a++)
                {
                    // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32
                    int name = strOff + (int)BitConverter.ToUInt32(elf, aux + 8);
                    if (ReadCString(elf, name) == version) found.Add(aux + 4);
                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }
                vn += (int)BitConverter.ToUInt32(elf, vn + 12);
            }
        }
        return found.ToArray();
    }

    static string ReadCString(byte[] b, int at)
    {
        int end = Array.IndexOf(b, (byte)0, at);
        return Encoding.ASCII.GetString(b, at, end - at);
    }

    static bool Contains(byte[] hay, byte[] needle)
    {
        for (int i = Array.IndexOf(hay, needle[0]); i >= 0 && i <= hay.Length - needle.Length; i = Array.IndexOf(hay, needle[0], i + 1))
        {
            int k = 1;
            while (k < needle.Length && hay[i + k] == needle[k]) k++;
            if (k == needle.Length) return true;
        }
        return false;
    }
}
