using Nop.Core.Domain;

namespace Nop.Services;

public static partial class CustomerExtensions
{
    public static string GetFullName(this Customer customer, string separator = " ") { throw null; }

    public static bool IsLocked(this Nop.Core.Domain.Customer customer) { throw null; }
}
