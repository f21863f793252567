using System.Linq.Expressions;
using LinqToDB;
using System.Transactions;
using LinqToDB.Data;
using LinqToDB.Tools;
using Nop.Core;
using Nop.Data;

namespace Nop.Plugin.Misc.OrderTouchpoints.DataKit;

/// <summary>
/// nopCommerce's repository over one linq2db connection, reduced to what the reference surface declares:
/// the table as a query, inserts that fill in the identity, deletes by predicate. Like nopCommerce's, one
/// per scope (a connection is not shared between threads).
/// </summary>
public sealed class Linq2DbRepository<TEntity>(DataConnection connection) : IRepository<TEntity> where TEntity : BaseEntity
{
    public IQueryable<TEntity> Table => connection.GetTable<TEntity>();

    public async Task InsertAsync(TEntity entity, bool publishEvent = true) =>
        entity.Id = await connection.InsertWithInt32IdentityAsync(entity);

    /// <summary>
    /// As nopCommerce's: identities reserved first, then one bulk copy keeping them, inside a transaction
    /// scope (all rows or none).
    /// </summary>
    public async Task InsertAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        using var transaction = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
        await connection.BulkCopyAsync(new BulkCopyOptions { KeepIdentity = true }, entities.RetrieveIdentity(connection, useSequenceName: false));
        transaction.Complete();
    }

    public Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate) => connection.GetTable<TEntity>().Where(predicate).DeleteAsync();
}
