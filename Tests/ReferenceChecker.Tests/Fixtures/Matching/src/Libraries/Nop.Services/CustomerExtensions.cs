using Nop.Core.Domain;

namespace Nop.Services;

public static partial class CustomerExtensions
{
    public static string GetFullName(this Customer customer, string separator = " ") =>
        customer.Username + separator;

    public static bool IsLocked(this Customer customer) =>
        customer.Status.HasFlag(CustomerStatus.Locked);
}
