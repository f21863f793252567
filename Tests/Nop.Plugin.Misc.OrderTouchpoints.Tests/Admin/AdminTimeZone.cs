using Nop.Services.Helpers;

namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>
/// nopCommerce's date helper for an admin whose time zone is UTC+2 (no daylight saving), so a test can
/// tell a converted time from an unconverted one.
/// </summary>
public sealed class AdminTimeZone
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(2);

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("Test+2", Offset, "Test+2", "Test+2");

    public Mock<IDateTimeHelper> Helper { get; } = new(MockBehavior.Strict);

    public AdminTimeZone()
    {
        Helper.Setup(h => h.GetCurrentTimeZoneAsync()).ReturnsAsync(Zone);
        Helper.Setup(h => h.ConvertToUserTimeAsync(It.IsAny<DateTime>(), DateTimeKind.Utc))
            .ReturnsAsync((DateTime utc, DateTimeKind _) => DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified));
        Helper.Setup(h => h.ConvertToUtcTime(It.IsAny<DateTime>(), Zone))
            .Returns((DateTime local, TimeZoneInfo _) => DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc));
    }
}
