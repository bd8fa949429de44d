namespace GovSite.Common;

/// <summary>Tells a full disk from other input/output errors, for a message that says so.</summary>
public static class DiskSpace
{
    private const int LinuxNoSpace = 28; // ENOSPC
    private const int LinuxQuota = 122; // EDQUOT
    private const int WindowsDiskFull = 112; // ERROR_DISK_FULL
    private const int WindowsHandleDiskFull = 39; // ERROR_HANDLE_DISK_FULL

    public static bool IsFull(Exception ex) => ex is IOException io &&
        (io.HResult is LinuxNoSpace or LinuxQuota || (io.HResult & 0xFFFF) is WindowsDiskFull or WindowsHandleDiskFull);
}
