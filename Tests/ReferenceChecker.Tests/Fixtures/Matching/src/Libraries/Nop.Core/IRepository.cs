using Nop.Core.Caching;

namespace Nop.Core;

public delegate void EntityChanged<TEntity>(TEntity entity) where TEntity : BaseEntity;

/// <summary>
/// Represents an entity repository
/// </summary>
public partial interface IRepository<TEntity> where TEntity : BaseEntity
{
    event EntityChanged<TEntity> Changed;

    Task<TEntity> GetByIdAsync(int? id, Func<ICacheKeys, CacheKey>? getCacheKey = null, bool includeDeleted = true);

    Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>>? func = null,
        CancellationToken cancellationToken = default(CancellationToken));

    Task InsertAsync(TEntity entity, bool publishEvent = true);

    Task InsertAsync(IList<TEntity> entities, bool publishEvent = true);

    Task DeleteAsync(TEntity entity, bool publishEvent = true);
}
