namespace Nop.Core.Domain.Media;

public partial class Picture : BaseEntity
{
}
