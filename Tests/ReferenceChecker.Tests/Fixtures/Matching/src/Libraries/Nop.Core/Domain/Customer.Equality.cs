namespace Nop.Core.Domain;

public partial class Customer
{
    public bool Deleted { get; set; }

    public static bool operator ==(Customer left, Customer right) => Equals(left, right);

    public static bool operator !=(Customer left, Customer right) => !Equals(left, right);

    public override bool Equals(object? obj) => obj is Customer other && other.Id == Id;

    public override int GetHashCode() => Id.GetHashCode();
}
