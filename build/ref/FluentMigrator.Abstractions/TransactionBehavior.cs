namespace FluentMigrator;

public enum TransactionBehavior
{
    Default = 0,
    None = 1
}
