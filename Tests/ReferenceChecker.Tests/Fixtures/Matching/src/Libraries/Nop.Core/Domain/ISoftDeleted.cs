namespace Nop.Core.Domain;

public partial interface ISoftDeleted
{
    bool Deleted { get; set; }
}

public partial interface IHasNotes
{
}
