using OtpNet;

namespace GovSite.Tests;

/// <summary>
/// The phone's authenticator app in a test: computes the TOTP code from the enrolled secret with
/// Otp.NET. A code is accepted once per 30-second step, so each sign-in takes the next unused step
/// the server accepts (the current or the next one) and waits for the clock when both are used.
/// </summary>
public sealed class Authenticator(string base32Secret)
{
    private static readonly DateTime Epoch = DateTime.UnixEpoch;
    private readonly Totp _totp = new(Base32Encoding.ToBytes(base32Secret));
    private long _lastStep = -1;

    public string Secret => base32Secret;

    public static long CurrentStep => (long)((DateTime.UtcNow - Epoch).TotalSeconds / 30);

    /// <summary>The code of a given step (to replay one, or to try a stale one).</summary>
    public string CodeAt(long step) => _totp.ComputeTotp(Epoch.AddSeconds(step * 30 + 1));

    public long LastStep => _lastStep;

    public async Task<string> NextCodeAsync()
    {
        while (true)
        {
            var now = CurrentStep;
            var step = Math.Max(_lastStep + 1, now);
            if (step <= now + 1)
            {
                _lastStep = step;
                return CodeAt(step);
            }
            await Task.Delay(TimeSpan.FromSeconds(30 - (DateTime.UtcNow - Epoch).TotalSeconds % 30 + 0.2));
        }
    }
}
