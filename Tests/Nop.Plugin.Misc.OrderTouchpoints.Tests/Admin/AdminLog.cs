namespace Nop.Plugin.Misc.OrderTouchpoints.Tests.Admin;

/// <summary>What an admin page wrote to nopCommerce's log.</summary>
public static class AdminLog
{
    /// <summary>
    /// The one error logged, asserting it came as a message without an exception object: nopCommerce would store the
    /// exception's message, which may quote customer data.
    /// </summary>
    public static string SingleError(Mock<Nop.Services.Logging.ILogger> logger)
    {
        var logged = logger.Invocations.Where(i => i.Method.Name == nameof(Nop.Services.Logging.ILogger.ErrorAsync)).ToList();
        Assert.That(logged, Has.Count.EqualTo(1));
        Assert.That(logged[0].Arguments[1], Is.Null, "no exception object: its message would be stored");
        return (string)logged[0].Arguments[0];
    }
}
