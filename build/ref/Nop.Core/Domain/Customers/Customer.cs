namespace Nop.Core.Domain.Customers;

public partial class Customer : BaseEntity
{
    public string Email { get; set; }

    public string FirstName { get; set; }

    public string LastName { get; set; }

    public string Phone { get; set; }

    public bool Deleted { get; set; }
}
