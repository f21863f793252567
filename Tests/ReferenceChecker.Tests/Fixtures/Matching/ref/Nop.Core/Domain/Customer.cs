namespace Nop.Core.Domain;

public partial class Customer : Nop.Core.BaseEntity, Nop.Core.Domain.ISoftDeleted
{
    public const int MaxNameLength = 2 * 200;

    public System.String Username { get; set; }

    public System.Nullable<System.DateTime> LastLoginDateUtc { get; set; }

    public CustomerStatus Status { get; set; }

    public bool Deleted { get; set; }

    public string this[int index] { get { throw null; } }

    public static bool operator ==(Customer left, Customer right) { throw null; }

    public static bool operator !=(Customer left, Customer right) { throw null; }

    public override bool Equals(object obj) { throw null; }

    public override int GetHashCode() { throw null; }

    public partial class Address
    {
        public string City { get; init; }
    }
}
