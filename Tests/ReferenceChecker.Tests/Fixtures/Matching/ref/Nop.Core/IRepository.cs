namespace Nop.Core;

public delegate void EntityChanged<TEntity>(TEntity entity) where TEntity : BaseEntity;

public partial interface IRepository<TEntity> where TEntity : BaseEntity
{
    event EntityChanged<TEntity> Changed;

    Task<TEntity> GetByIdAsync(int? id, Func<Nop.Core.Caching.ICacheKeys, Nop.Core.Caching.CacheKey> getCacheKey = null, bool includeDeleted = true);

    Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null, CancellationToken cancellationToken = default);

    Task InsertAsync(TEntity entity, bool publishEvent = true);

    Task InsertAsync(IList<TEntity> entities, bool publishEvent = true);
}
