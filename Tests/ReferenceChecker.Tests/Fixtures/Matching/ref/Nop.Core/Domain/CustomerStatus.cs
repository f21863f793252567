namespace Nop.Core.Domain;

[System.Flags]
public enum CustomerStatus : byte
{
    None,
    Active = 1 << 0,
    Locked = 1 << 1,
    All = 3,
}
