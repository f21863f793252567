using System.Linq.Expressions;
using Nop.Core;

namespace Nop.Data;

public partial interface IRepository<TEntity> where TEntity : BaseEntity
{
    IQueryable<TEntity> Table { get; }

    Task InsertAsync(TEntity entity, bool publishEvent = true);

    Task InsertAsync(IList<TEntity> entities, bool publishEvent = true);

    Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate);
}
