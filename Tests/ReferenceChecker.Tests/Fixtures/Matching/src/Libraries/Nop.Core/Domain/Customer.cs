using Nop.Core.Domain.Common;

namespace Nop.Core.Domain;

public partial class Customer : BaseEntity, ISoftDeleted, IHasNotes
{
    public const int MaxNameLength = 400;

    private string _username;

    public string? Username
    {
        get => _username;
        set => _username = value?.Trim();
    }

    public DateTime? LastLoginDateUtc { get; set; }

    public CustomerStatus Status { get; set; }

    public string this[int index] => Username?[index].ToString();

    internal void Touch() => LastLoginDateUtc = DateTime.UtcNow;

    public partial class Address
    {
        public string City { get; init; }

        private string Street { get; set; }
    }
}
