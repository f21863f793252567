namespace Nop.Core.Domain.Gdpr;

public partial class CustomerPermanentlyDeleted
{
    public CustomerPermanentlyDeleted(int customerId, string email)
    {
        CustomerId = customerId;
    }

    public int CustomerId { get; }
}
