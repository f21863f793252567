using LinqToDB.Data;
using Nop.Core;

namespace Nop.Data;

public partial interface INopDataProvider
{
    Task<int> ExecuteNonQueryAsync(string sql, params DataParameter[] dataParameters);

    Task<IList<T>> QueryAsync<T>(string sql, params DataParameter[] parameters);

    IQueryable<TEntity> GetTable<TEntity>() where TEntity : BaseEntity;

    string ConfigurationName { get; }
}
