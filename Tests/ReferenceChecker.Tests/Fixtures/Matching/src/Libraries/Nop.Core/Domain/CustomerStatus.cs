namespace Nop.Core.Domain;

/// <summary>
/// Customer status flags
/// </summary>
[Flags]
public enum CustomerStatus : byte
{
    None = 0,
    Active = 1,
    Locked = 2,
    All = Active | Locked,
}
