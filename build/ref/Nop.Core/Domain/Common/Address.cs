namespace Nop.Core.Domain.Common;

public partial class Address : BaseEntity
{
    public string FirstName { get; set; }

    public string LastName { get; set; }

    public string Email { get; set; }

    public int? CountryId { get; set; }

    public string City { get; set; }

    public string ZipPostalCode { get; set; }

    public string PhoneNumber { get; set; }
}
