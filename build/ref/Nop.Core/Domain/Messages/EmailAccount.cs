namespace Nop.Core.Domain.Messages;

public partial class EmailAccount : BaseEntity
{
    public string Email { get; set; }

    public string DisplayName { get; set; }
}
