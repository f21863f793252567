using System.Linq.Expressions;
using LinqToDB;
using LinqToDB.Data;
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

    public async Task InsertAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        foreach (var entity in entities)
            await InsertAsync(entity, publishEvent);
    }

    public Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate) => connection.GetTable<TEntity>().Where(predicate).DeleteAsync();
}
